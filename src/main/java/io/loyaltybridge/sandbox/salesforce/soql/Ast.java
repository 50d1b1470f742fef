package io.loyaltybridge.sandbox.salesforce.soql;

import java.util.List;

/** The parsed query, before its field names are checked against an object (see {@link Binder}). */
public final class Ast {
    private Ast() {
    }

    /** {@code count}: {@code SELECT count()}, which answers the number of matching rows and no records. */
    public record Query(List<Item> select, String from, int fromPos, Expr where, List<Order> orderBy,
                        Integer limit, boolean count) {
    }

    public sealed interface Item permits FieldPath, SubQuery {
    }

    /** A possibly dotted field reference such as {@code Product2.Family}. */
    public record FieldPath(List<String> parts, int pos) implements Item {
        public String text() {
            return String.join(".", parts);
        }
    }

    public record SubQuery(Query query) implements Item {
    }

    public sealed interface Expr permits And, Or, Not, Compare, In, Like {
    }

    public record And(List<Expr> parts) implements Expr {
    }

    public record Or(List<Expr> parts) implements Expr {
    }

    public record Not(Expr inner) implements Expr {
    }

    public record Compare(FieldPath field, String op, Literal value) implements Expr {
    }

    public record In(FieldPath field, boolean negated, List<Literal> values) implements Expr {
    }

    public record Like(FieldPath field, String pattern) implements Expr {
    }

    public enum LiteralKind { STRING, NUMBER, BOOLEAN, NULL, DATETIME, DATE }

    public record Literal(LiteralKind kind, String text, int pos) {
    }

    public record Order(FieldPath field, boolean descending, boolean nullsFirst) {
    }
}
