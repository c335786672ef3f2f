// Reference endpoint for the notification benchmark: the JDK's com.sun.net.httpserver
// doing the least a correct WeChat v2 notify handler must do (parse the flat XML, verify
// the MD5 signature with the merchant key, reply), with no database, on a thread pool of
// one thread per core. scripts/bench loads it with bench_notify's generator and reports
// Shouyin's figure as a ratio to this one.
//
//   java NotifyJdk.java <merchant key>     (prints "port N" once listening)

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class NotifyJdk {
    private static final Pattern FIELD =
            Pattern.compile("<(\\w+)>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</\\1>");
    private static final byte[] OK = ("<xml><return_code><![CDATA[SUCCESS]]></return_code>"
            + "<return_msg><![CDATA[OK]]></return_msg></xml>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] FAIL = ("<xml><return_code><![CDATA[FAIL]]></return_code>"
            + "<return_msg><![CDATA[SIGNERROR]]></return_msg></xml>").getBytes(StandardCharsets.UTF_8);

    static boolean verified(String xml, String key) throws Exception {
        String inner = xml.trim();
        if (inner.startsWith("<xml>") && inner.endsWith("</xml>"))
            inner = inner.substring(5, inner.length() - 6);
        Map<String, String> params = new TreeMap<>();
        Matcher m = FIELD.matcher(inner);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2)
                    : m.group(3).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                              .replace("&apos;", "'").replace("&amp;", "&");
            params.put(m.group(1), value);
        }
        String sign = params.get("sign");
        if (sign == null)
            return false;
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals("sign") || e.getValue().isEmpty())
                continue;
            canonical.append(e.getKey()).append('=').append(e.getValue()).append('&');
        }
        canonical.append("key=").append(key);
        byte[] digest = MessageDigest.getInstance("MD5")
                                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(digest).equals(sign);
    }

    public static void main(String[] args) throws Exception {
        String key = args[0];
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", exchange -> {
            byte[] reply;
            try (InputStream in = exchange.getRequestBody()) {
                reply = verified(new String(in.readAllBytes(), StandardCharsets.UTF_8), key) ? OK
                                                                                              : FAIL;
            } catch (Exception e) {
                reply = FAIL;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }
}
