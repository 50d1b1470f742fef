package io.loyaltybridge.sandbox.salesforce.data;

/**
 * Salesforce record ids: 3-char key prefix, pod and reserved chars, a base-62 number, then the 3-char case-safe
 * suffix. The number is the record's position in its table, so an id needs no index to be found again.
 */
public final class Ids {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String POD = "5e00";

    private Ids() {
    }

    public static String of(String prefix, long seq) {
        char[] digits = new char[8];
        long n = seq;
        for (int i = 7; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        String id15 = prefix + POD + new String(digits);
        return id15 + suffix(id15);
    }

    /** The 18-char form of a 15- or 18-char id, or null when the text is no well-formed id. */
    public static String normalize(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (BASE62.indexOf(id.charAt(i)) < 0) {
                return null;
            }
        }
        String id15 = id.substring(0, 15);
        String full = id15 + suffix(id15);
        // the suffix encodes the case of the first 15 chars, so a mismatch means a mangled id
        return id.length() == 18 && !id.substring(15).equalsIgnoreCase(full.substring(15)) ? null : full;
    }

    /** The sequence number inside an id of the given prefix, or -1 when it is malformed or of another object. */
    public static long seq(String id, String prefix) {
        String full = normalize(id);
        if (full == null || !full.startsWith(prefix) || !full.startsWith(POD, 3)) {
            return -1;
        }
        long n = 0;
        for (int i = 7; i < 15; i++) {
            n = n * 62 + BASE62.indexOf(full.charAt(i));
        }
        return n;
    }

    private static String suffix(String id15) {
        StringBuilder out = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int flags = 0;
            for (int j = 0; j < 5; j++) {
                char c = id15.charAt(chunk * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << j;
                }
            }
            out.append(SUFFIX.charAt(flags));
        }
        return out.toString();
    }
}
