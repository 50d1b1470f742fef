package io.loyaltybridge.sandbox.salesforce.soql;

/** A lexical token with its 0-based position, used to point at the error like Salesforce's caret does. */
record Token(Kind kind, String text, int pos) {
    enum Kind { IDENT, STRING, NUMBER, DATETIME, DATE, LPAREN, RPAREN, COMMA, DOT, OP, COLON, EOF }

    boolean is(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }
}
