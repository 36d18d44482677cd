package io.tributary.examples.weather_xml;

import io.tributary.playground.Playground;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the playground's current observations with a plain HTTP client and DOM, to check the warehouse against. */
final class NoaaSource {
    private final Playground playground;
    private final HttpClient client = HttpClient.newHttpClient();

    NoaaSource(Playground playground) {
        this.playground = playground;
    }

    /** The text of every child element of {@code <current_observation>}. */
    Map<String, String> observation(String station) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                playground.uri("/noaa/xml/current_obs/" + station + ".xml?fault=none")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body())).getDocumentElement();
        Map<String, String> out = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                out.put(child.getNodeName(), child.getTextContent().trim());
            }
        }
        return out;
    }
}
