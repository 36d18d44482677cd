package io.tributary.sdk.http;

import io.tributary.sdk.ConnectorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An XML response read with the JDK's DOM parser and queried with XPath.
 *
 * <p>Why DOM + XPath rather than jackson-dataformat-xml: Jackson maps XML onto JSON shapes, which blurs
 * attributes and elements and turns one {@code <item>} into an object but two into an array, so a connector
 * breaks the day a list has one entry. XPath reads the document as it is written and needs no dependency.
 * Documents are parsed without namespaces, so {@code //entry} matches in an Atom feed without prefixes, and
 * without external entities or DTDs (no XXE). For API responses of a few MB; not for huge exports.
 *
 * <pre>{@code
 * XmlDocument obs = api.get("xml/current_obs/KNYC.xml").send().xml();
 * String temp = obs.text("/current_observation/temp_f");
 * }</pre>
 *
 * Not thread-safe (DOM is not): one thread reads it.
 */
public final class XmlDocument {
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
    private final Document document;
    private final XPathFactory xpaths = XPathFactory.newInstance(); // factories are not thread-safe: one per document

    private XmlDocument(Document document) {
        this.document = document;
    }

    public static XmlDocument parse(String xml) {
        return parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    public static XmlDocument parse(InputStream in) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(QUIET); // the default handler prints to stderr; the exception says it all
            return new XmlDocument(builder.parse(in));
        } catch (SAXException e) {
            throw new ConnectorException("the response is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConnectorException("cannot read the XML response: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required safety feature", e);
        }
    }

    /** The trimmed text of the first match, or {@code null} when nothing matches. */
    public String text(String xpath) {
        NodeList nodes = select(xpath);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /** The trimmed texts of all matches, in document order. */
    public List<String> texts(String xpath) {
        NodeList nodes = select(xpath);
        List<String> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    /**
     * Each matched element as a flat record: its attributes, then its child elements' trimmed texts (a child
     * wins over an attribute of the same name; of repeated children, the first). Ready for {@code upsert}.
     */
    public List<Map<String, String>> records(String xpath) {
        NodeList nodes = select(xpath);
        List<Map<String, String>> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                out.add(record(e));
            }
        }
        return out;
    }

    /** The DOM itself, for anything the methods above do not cover. */
    public Document document() {
        return document;
    }

    private static Map<String, String> record(Element e) {
        Map<String, String> row = new LinkedHashMap<>();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            row.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        List<String> fromChildren = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && !fromChildren.contains(c.getNodeName())) {
                fromChildren.add(c.getNodeName());
                row.put(c.getNodeName(), c.getTextContent().trim());
            }
        }
        return row;
    }

    private NodeList select(String xpath) {
        try {
            return (NodeList) xpaths.newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("invalid XPath '" + xpath + "': " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        // Internal entities expand (bounded by secure processing); left as nodes, they break the JDK's XPath.
        f.setExpandEntityReferences(true);
        return f;
    }
}
