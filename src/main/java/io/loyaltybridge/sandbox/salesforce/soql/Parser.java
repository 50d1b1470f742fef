package io.loyaltybridge.sandbox.salesforce.soql;

import io.loyaltybridge.sandbox.salesforce.soql.Ast.*;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent SOQL parser for the subset our connectors and tests use. */
public final class Parser {
    private final String soql;
    private final List<Token> tokens;
    private int i;

    private Parser(String soql) {
        this.soql = soql;
        this.tokens = new Lexer(soql).tokens();
    }

    public static Query parse(String soql) {
        Parser p = new Parser(soql);
        Query q = p.query();
        p.expectKind(Token.Kind.EOF);
        return q;
    }

    private Query query() {
        keyword("SELECT");
        List<Item> select = new ArrayList<>();
        boolean count = false;
        if (peek().is("count") && i + 2 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.LPAREN
                && tokens.get(i + 2).kind() == Token.Kind.RPAREN) {
            // SELECT count() FROM ...: only the number of matching rows, alone in the select list
            next();
            next();
            expectKind(Token.Kind.RPAREN);
            count = true;
        } else do {
            if (peek().kind() == Token.Kind.LPAREN) {
                next();
                select.add(new SubQuery(query()));
                expectKind(Token.Kind.RPAREN);
            } else {
                if (peek().is("TYPEOF") || i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.LPAREN) {
                    throw notServed(peek().text() + " in the select list");
                }
                select.add(path());
            }
        } while (accept(Token.Kind.COMMA));
        keyword("FROM");
        Token from = expectKind(Token.Kind.IDENT);
        refuseUnserved();
        Expr where = null;
        if (peek().is("WHERE")) {
            next();
            where = or();
        }
        refuseUnserved();
        List<Order> orderBy = new ArrayList<>();
        if (peek().is("ORDER")) {
            next();
            keyword("BY");
            do {
                orderBy.add(order());
            } while (accept(Token.Kind.COMMA));
        }
        Integer limit = null;
        if (peek().is("LIMIT")) {
            next();
            Token n = expectKind(Token.Kind.NUMBER);
            limit = parseLimit(n);
        }
        refuseUnserved();
        return new Query(select, from.text(), from.pos(), where, orderBy, limit, count);
    }

    private Integer parseLimit(Token n) {
        try {
            int limit = Integer.parseInt(n.text());
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw malformed(soql, n.pos(), "unexpected token: '" + n.text() + "'");
    }

    private Order order() {
        FieldPath field = path();
        boolean desc = false;
        if (peek().is("ASC") || peek().is("DESC")) {
            desc = next().is("DESC");
        }
        boolean nullsFirst = !desc;
        if (peek().is("NULLS")) {
            next();
            Token t = next();
            if (!t.is("FIRST") && !t.is("LAST")) {
                throw malformed(soql, t.pos(), "unexpected token: '" + t.text() + "'");
            }
            nullsFirst = t.is("FIRST");
        }
        return new Order(field, desc, nullsFirst);
    }

    private Expr or() {
        List<Expr> parts = new ArrayList<>(List.of(and()));
        while (peek().is("OR")) {
            next();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    private Expr and() {
        List<Expr> parts = new ArrayList<>(List.of(unary()));
        while (peek().is("AND")) {
            next();
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    private Expr unary() {
        if (peek().is("NOT")) {
            next();
            return new Not(unary());
        }
        if (accept(Token.Kind.LPAREN)) {
            Expr e = or();
            expectKind(Token.Kind.RPAREN);
            return e;
        }
        return condition();
    }

    private Expr condition() {
        FieldPath field = path();
        Token t = next();
        if (t.kind() == Token.Kind.OP) {
            return new Compare(field, t.text(), literal());
        }
        if (t.is("LIKE")) {
            Literal pattern = literal();
            if (pattern.kind() != LiteralKind.STRING) {
                throw malformed(soql, pattern.pos(), "unexpected token: '" + pattern.text() + "'");
            }
            return new Like(field, pattern.text());
        }
        boolean negated = t.is("NOT");
        if (negated) {
            t = next();
        }
        if (!t.is("IN")) {
            throw malformed(soql, t.pos(), "unexpected token: '" + t.text() + "'");
        }
        expectKind(Token.Kind.LPAREN);
        List<Literal> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (accept(Token.Kind.COMMA));
        expectKind(Token.Kind.RPAREN);
        return new In(field, negated, values);
    }

    private Literal literal() {
        Token t = next();
        return switch (t.kind()) {
            case STRING -> new Literal(LiteralKind.STRING, t.text(), t.pos());
            case NUMBER -> new Literal(LiteralKind.NUMBER, t.text(), t.pos());
            case DATETIME -> new Literal(LiteralKind.DATETIME, t.text(), t.pos());
            case DATE -> new Literal(LiteralKind.DATE, t.text(), t.pos());
            case IDENT -> identLiteral(t);
            default -> throw malformed(soql, t.pos(), "unexpected token: '" + t.text() + "'");
        };
    }

    private Literal identLiteral(Token t) {
        if (t.is("null")) {
            return new Literal(LiteralKind.NULL, "null", t.pos());
        }
        if (t.is("true") || t.is("false")) {
            return new Literal(LiteralKind.BOOLEAN, t.text().toLowerCase(), t.pos());
        }
        throw malformed(soql, t.pos(), "unexpected token: '" + t.text() + "'");
    }

    private FieldPath path() {
        Token first = expectKind(Token.Kind.IDENT);
        List<String> parts = new ArrayList<>(List.of(first.text()));
        while (accept(Token.Kind.DOT)) {
            parts.add(expectKind(Token.Kind.IDENT).text());
        }
        return new FieldPath(parts, first.pos());
    }

    private void keyword(String word) {
        Token t = next();
        if (!t.is(word)) {
            throw malformed(soql, t.pos(), "unexpected token: '" + (t.kind() == Token.Kind.EOF ? "<EOF>" : t.text())
                    + "'");
        }
    }

    private Token expectKind(Token.Kind kind) {
        Token t = next();
        if (t.kind() != kind) {
            throw malformed(soql, t.pos(), "unexpected token: '" + (t.kind() == Token.Kind.EOF ? "<EOF>" : t.text())
                    + "'");
        }
        return t;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            i++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        Token t = tokens.get(i);
        if (t.kind() != Token.Kind.EOF) {
            i++;
        }
        return t;
    }

    /** Salesforce quotes the query, puts a caret under the culprit and names row and column. */
    /** SOQL clauses Salesforce has and this sandbox does not model: refused as such, never as bad SOQL. */
    private static final java.util.Set<String> UNSERVED = java.util.Set.of("GROUP", "HAVING", "WITH", "USING",
            "OFFSET", "FOR", "UPDATE");

    private void refuseUnserved() {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENT && UNSERVED.stream().anyMatch(t::is)) {
            throw notServed(t.text().toUpperCase(java.util.Locale.ROOT) + " clauses");
        }
    }

    private static SoqlException notServed(String what) {
        return new SoqlException("NOT_SERVED_BY_SANDBOX", "not served by this sandbox: SOQL " + what);
    }

    static SoqlException malformed(String soql, int pos, String detail) {
        return new SoqlException("MALFORMED_QUERY", located(soql, pos, detail));
    }

    static String located(String soql, int pos, String detail) {
        return "\n" + soql + "\n" + " ".repeat(Math.max(0, pos)) + "^\nERROR at Row:1:Column:" + (pos + 1) + "\n"
                + detail;
    }
}
