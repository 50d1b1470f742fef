package io.loyaltybridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses the kernel has a listening TCP socket on for a port, read from /proc/net/tcp and tcp6 (Linux, the
 * platform the jar ships PostgreSQL for): what a process really binds, whatever it prints.
 */
public final class Listeners {
    private static final String LISTEN = "0A";

    private Listeners() {
    }

    /** Every interface: Java listens on {@code 0.0.0.0} through an IPv6 socket on {@code ::} when it can. */
    public static final java.util.List<String> EVERY_INTERFACE = java.util.List.of("0.0.0.0", "::");

    /** For example {@code [127.0.0.1]}, {@code [0.0.0.0]} or {@code [::]} (IPv4-mapped ones as IPv4). */
    public static Set<String> on(int port) {
        Set<String> addresses = new TreeSet<>();
        read(Path.of("/proc/net/tcp"), port, addresses);
        read(Path.of("/proc/net/tcp6"), port, addresses);
        return addresses;
    }

    private static void read(Path table, int port, Set<String> addresses) {
        if (!Files.exists(table)) {
            return;
        }
        try {
            java.util.List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel writes each 32-bit word of the address in host (little-endian) byte order. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                    + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
        if (hex.matches("0{32}")) {
            return "::";
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24));
        }
        return hex;
    }
}
