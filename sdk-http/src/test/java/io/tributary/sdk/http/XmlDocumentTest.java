package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.ConnectorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlDocumentTest {
    static final String OBSERVATION = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
            + "<current_observation version=\"1.0\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n"
            + "  <location>New York City, Central Park, NY</location>\n"
            + "  <station_id>KNYC</station_id>\n"
            + "  <observation_time_rfc822>Thu, 01 Jan 2026 09:51:00 -0500</observation_time_rfc822>\n"
            + "  <temp_f>38.0</temp_f>\n"
            + "  <temp_c>3.3</temp_c>\n"
            + "</current_observation>";

    @Test
    void readsFieldsByXPath() {
        XmlDocument doc = XmlDocument.parse(OBSERVATION);
        assertThat(doc.text("/current_observation/temp_f")).isEqualTo("38.0");
        assertThat(doc.text("//station_id")).isEqualTo("KNYC");
        assertThat(doc.text("/current_observation/@version")).isEqualTo("1.0");
        assertThat(doc.text("/current_observation/wind_mph")).isNull();
        assertThat(doc.records("/current_observation")).singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("version", "1.0").containsEntry("station_id", "KNYC").containsEntry("temp_c", "3.3");
    }

    @Test
    void repeatedElementsBecomeRecordsWhetherOneOrMany() {
        String one = "<stations><station id=\"1\"><name> A </name></station></stations>";
        String two = "<stations><station id=\"1\"><name>A</name></station><station id=\"2\"><name>B</name><name>dup</name></station></stations>";
        assertThat(XmlDocument.parse(one).records("//station")).containsExactly(Map.of("id", "1", "name", "A"));
        assertThat(XmlDocument.parse(two).records("//station")).containsExactly(Map.of("id", "1", "name", "A"), Map.of("id", "2", "name", "B"));
        assertThat(XmlDocument.parse(two).texts("//station/name")).containsExactly("A", "B", "dup");
    }

    @Test
    void defaultNamespacesNeedNoPrefixes() {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>one</title></entry><entry><title>two</title></entry></feed>";
        assertThat(XmlDocument.parse(atom).texts("//entry/title")).containsExactly("one", "two");
    }

    @Test
    void externalEntitiesAreNotResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r><v>&x;</v></r>";
        String text;
        try {
            text = XmlDocument.parse(xxe).text("/r/v");
        } catch (ConnectorException refused) {
            text = refused.getMessage();
        }
        assertThat(text).doesNotContain("TOP-SECRET");
    }

    @Test
    void malformedXmlSaysSo() {
        assertThatThrownBy(() -> XmlDocument.parse("<a><b></a>")).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> XmlDocument.parse("<a/>").text("//[")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid XPath");
    }

    @Test
    void fromAnHttpResponse() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("/xml/current_obs/KNYC.xml", (call, reply) -> reply.send(200, "application/xml",
                    OBSERVATION.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
            HttpApi api = HttpApi.builder().baseUrl(server.url("/")).build();
            assertThat(api.get("xml/current_obs/KNYC.xml").send().xml().text("//location"))
                    .isEqualTo("New York City, Central Park, NY");
        }
    }
}
