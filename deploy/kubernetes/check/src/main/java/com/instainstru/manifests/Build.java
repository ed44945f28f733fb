package com.instainstru.manifests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the Maven build makes, read from the parent pom: the version, the image registry and group
 * (properties image.registry and image.group, the container-image profile), and the services (the
 * modules with an application.properties) with their own settings.
 */
record Build(Path repo, String version, String registry, String group, List<String> services) {

    static Build read(Path repo) throws IOException {
        Document pom;
        try (InputStream in = Files.newInputStream(repo.resolve("pom.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            pom = factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IOException("cannot read " + repo.resolve("pom.xml") + ": " + e.getMessage(), e);
        }
        Element project = pom.getDocumentElement();
        String version = child(project, "version");
        Element properties = childElement(project, "properties");
        String registry = properties == null ? null : child(properties, "image.registry");
        String group = properties == null ? null : child(properties, "image.group");
        if (version == null || registry == null || group == null) {
            throw new IOException("the parent pom must give version, image.registry and image.group");
        }
        List<String> services = new ArrayList<>();
        NodeList modules = pom.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            if (Files.isRegularFile(repo.resolve(module).resolve("src/main/resources/application.properties"))) {
                services.add(module);
            }
        }
        return new Build(repo, version, registry, group, List.copyOf(services));
    }

    /** The image the build makes for a service: registry/group/name:version. */
    String image(String service) {
        return registry + "/" + group + "/" + service + ":" + version;
    }

    /** A setting of the service's application.properties (its default profile), if set. */
    String setting(String service, String key) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(repo.resolve(service).resolve("src/main/resources/application.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the settings of " + service, e);
        }
        return props.getProperty(key);
    }

    private static Element childElement(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        Element e = childElement(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
