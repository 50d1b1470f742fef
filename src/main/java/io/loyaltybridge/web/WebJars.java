package io.loyaltybridge.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The third-party scripts the page uses, shipped as WebJars from Maven Central (so the page works offline). Their
 * version is read from the WebJar's own Maven metadata, so upgrading one is a change to pom.xml only.
 */
public final class WebJars {
    private WebJars() {
    }

    /** Vendor file name (as the page asks for it under /assets/vendor/) to its classpath location. */
    public static Map<String, String> vendorFiles() {
        String chartJs = version("org.webjars.npm", "chart.js");
        return Map.of("chart.umd.min.js", "META-INF/resources/webjars/chart.js/" + chartJs + "/dist/chart.umd.min.js");
    }

    static String version(String group, String artifact) {
        String location = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = WebJars.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + group + ":" + artifact + " is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
