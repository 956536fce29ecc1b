package dev.underway.config;

import dev.underway.dialect.DatabaseKind;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JDBC URL says about where it leads, for messages: the servers (host:port, the engine's default port
 * filled in), the database and a user named in the URL itself. Never the password. Lenient: a URL it cannot read
 * gives empty parts, and the driver remains the judge of what is valid.
 *
 * @param hosts    {@code host:port} of every server the URL lists, in order
 * @param database the database the URL names, or null
 * @param user     the user the URL names in a {@code user=} parameter, or null
 * @param userInfo whether the URL holds a {@code user:password@} part, which neither driver reads
 */
public record JdbcUrl(List<String> hosts, String database, String user, boolean userInfo) {
    /** {@code jdbc:postgresql://} or {@code jdbc:mariadb[:mode]://}, then the authority, path and parameters. */
    private static final Pattern HIERARCHICAL =
            Pattern.compile("(?i)^jdbc:[a-z]+:(?:[a-z]+:)?//([^/?]*)(?:/([^?;]*))?(?:[?;](.*))?$");
    /** PostgreSQL's {@code jdbc:postgresql:database} and {@code jdbc:postgresql:/}: localhost. */
    private static final Pattern LOCAL = Pattern.compile("(?i)^jdbc:postgresql:(?!//)/?([^?]*)(?:\\?(.*))?$");
    /** MariaDB's {@code address=(host=h)(port=p)} form. */
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\(host=([^)]*)\\)|\\(port=([^)]*)\\)");

    public static JdbcUrl parse(String url, DatabaseKind kind) {
        int defaultPort = kind == DatabaseKind.POSTGRESQL ? 5432 : 3306;
        Matcher m = HIERARCHICAL.matcher(url);
        if (m.matches()) {
            String authority = m.group(1);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                authority = authority.substring(at + 1);
            }
            return new JdbcUrl(hosts(authority, defaultPort), blankToNull(decode(m.group(2))),
                    parameter(m.group(3), "user"), at >= 0);
        }
        Matcher local = LOCAL.matcher(url);
        if (local.matches()) {
            return new JdbcUrl(List.of("localhost:" + defaultPort), blankToNull(decode(local.group(1))),
                    parameter(local.group(2), "user"), false);
        }
        return new JdbcUrl(List.of(), null, null, false);
    }

    /** The first server, or "the server" when the URL names none that can be read. */
    public String firstHost() {
        return hosts.isEmpty() ? "the server" : hosts.get(0);
    }

    /** All servers, for "at h1:5432, h2:5432". */
    public String allHosts() {
        return hosts.isEmpty() ? "the server of the URL" : String.join(", ", hosts);
    }

    private static List<String> hosts(String authority, int defaultPort) {
        List<String> out = new ArrayList<>();
        if (authority.toLowerCase(Locale.ROOT).contains("address=")) {
            for (String address : authority.split("(?i),(?=address=)")) {
                String host = null;
                String port = null;
                Matcher a = ADDRESS.matcher(address);
                while (a.find()) {
                    host = a.group(1) != null ? a.group(1) : host;
                    port = a.group(2) != null ? a.group(2) : port;
                }
                out.add((host == null ? "localhost" : host) + ":" + (port == null ? defaultPort : port));
            }
            return out;
        }
        for (String h : authority.split(",")) {
            if (h.isBlank()) {
                continue;
            }
            boolean hasPort = h.startsWith("[") ? h.contains("]:") : h.contains(":");
            out.add(hasPort ? h : h + ":" + defaultPort);
        }
        if (out.isEmpty()) {
            out.add("localhost:" + defaultPort);
        }
        return out;
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
                return blankToNull(decode(pair.substring(eq + 1)));
            }
        }
        return null;
    }

    private static String decode(String s) {
        if (s == null) {
            return null;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return s;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
