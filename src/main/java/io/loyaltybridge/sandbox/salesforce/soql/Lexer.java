package io.loyaltybridge.sandbox.salesforce.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens. String literals are decoded here, so their content can never be read as syntax. */
final class Lexer {
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\dT])");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String soql;
    private int pos;

    Lexer(String soql) {
        this.soql = soql;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (pos < soql.length() && Character.isWhitespace(soql.charAt(pos))) {
                pos++;
            }
            if (pos >= soql.length()) {
                out.add(new Token(Token.Kind.EOF, "", pos));
                return out;
            }
            out.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = soql.charAt(pos);
        switch (c) {
            case '(' -> { pos++; return new Token(Token.Kind.LPAREN, "(", start); }
            case ')' -> { pos++; return new Token(Token.Kind.RPAREN, ")", start); }
            case ',' -> { pos++; return new Token(Token.Kind.COMMA, ",", start); }
            case '.' -> { pos++; return new Token(Token.Kind.DOT, ".", start); }
            case ':' -> { pos++; return new Token(Token.Kind.COLON, ":", start); }
            case '\'' -> { return string(); }
            case '=' -> { pos++; return new Token(Token.Kind.OP, "=", start); }
            case '!', '<', '>' -> { return operator(); }
            default -> { }
        }
        for (Object[] p : new Object[][] {{DATETIME, Token.Kind.DATETIME}, {DATE, Token.Kind.DATE},
            {NUMBER, Token.Kind.NUMBER}, {IDENT, Token.Kind.IDENT}}) {
            Matcher m = ((Pattern) p[0]).matcher(soql).region(pos, soql.length());
            if (m.lookingAt()) {
                pos = m.end();
                return new Token((Token.Kind) p[1], m.group(), start);
            }
        }
        throw Parser.malformed(soql, start, "unexpected token: '" + c + "'");
    }

    private Token operator() {
        int start = pos;
        String two = soql.length() >= pos + 2 ? soql.substring(pos, pos + 2) : "";
        if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
            pos += 2;
            return new Token(Token.Kind.OP, two.equals("<>") ? "!=" : two, start);
        }
        if (soql.charAt(pos) == '!') {
            throw Parser.malformed(soql, start, "unexpected token: '!'");
        }
        pos++;
        return new Token(Token.Kind.OP, String.valueOf(soql.charAt(start)), start);
    }

    /** Single-quoted, backslash escapes as SOQL defines them (\' \" \\ \n \r \t \b \f \_ \%). */
    private Token string() {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < soql.length()) {
            char c = soql.charAt(pos++);
            if (c == '\'') {
                return new Token(Token.Kind.STRING, out.toString(), start);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= soql.length()) {
                break;
            }
            char e = soql.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '\'', '"', '\\' -> out.append(e);
                // kept escaped: LIKE must tell a literal % or _ from a wildcard
                case '_', '%' -> out.append('\\').append(e);
                default -> throw Parser.malformed(soql, pos - 2, "Invalid string literal '" + soql.substring(start)
                        + "'. Illegal character sequence '\\" + e + "' in string literal.");
            }
        }
        throw Parser.malformed(soql, start, "line 1:" + start + " mismatched character '<EOF>' expecting '''");
    }
}
