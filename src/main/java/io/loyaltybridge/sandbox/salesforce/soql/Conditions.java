package io.loyaltybridge.sandbox.salesforce.soql;

import io.loyaltybridge.sandbox.salesforce.data.FieldDef;
import io.loyaltybridge.sandbox.salesforce.data.FieldType;
import io.loyaltybridge.sandbox.salesforce.data.Ids;
import io.loyaltybridge.sandbox.salesforce.data.SObjectType;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.Values;
import io.loyaltybridge.sandbox.salesforce.soql.Ast.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns WHERE clauses into predicates. Literals are converted to the field's stored type once, here, and a literal
 * of the wrong type is refused with the error Salesforce gives. Text compares case-insensitively, as in SOQL.
 */
final class Conditions {
    private final Binder binder;
    private final SObjectType type;

    Conditions(Binder binder, SObjectType type) {
        this.binder = binder;
        this.type = type;
    }

    Predicate<SRecord> predicate(Expr e) {
        if (e instanceof And and) {
            List<Predicate<SRecord>> parts = and.parts().stream().map(this::predicate).toList();
            return r -> parts.stream().allMatch(p -> p.test(r));
        }
        if (e instanceof Or or) {
            List<Predicate<SRecord>> parts = or.parts().stream().map(this::predicate).toList();
            return r -> parts.stream().anyMatch(p -> p.test(r));
        }
        if (e instanceof Not not) {
            return predicate(not.inner()).negate();
        }
        if (e instanceof Like like) {
            return like(like);
        }
        if (e instanceof In in) {
            return in(in);
        }
        return compare((Compare) e);
    }

    private Predicate<SRecord> compare(Compare c) {
        Accessor a = binder.accessor(type, c.field());
        Object value = convert(a.leaf(), c.value());
        String op = c.op();
        if (value == null && !op.equals("=") && !op.equals("!=")) {
            throw binder.invalidFilter(c.value().pos(), "invalid operator on null value");
        }
        return r -> {
            Object v = a.comparable(r);
            if (value == null) {
                return op.equals("=") == (v == null);
            }
            if (v == null) {
                return op.equals("!="); // SOQL: a null field is "not equal" to any value, and never < or >
            }
            int cmp = compareValues(v, value);
            return switch (op) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
        };
    }

    private Predicate<SRecord> in(In in) {
        Accessor a = binder.accessor(type, in.field());
        List<Object> values = new ArrayList<>();
        for (Literal l : in.values()) {
            values.add(convert(a.leaf(), l));
        }
        Predicate<SRecord> member = r -> {
            Object v = a.comparable(r);
            return values.stream().anyMatch(x -> x == null ? v == null : v != null && compareValues(v, x) == 0);
        };
        return in.negated() ? member.negate() : member;
    }

    private Predicate<SRecord> like(Like like) {
        Accessor a = binder.accessor(type, like.field());
        if (!a.leaf().type().isText() && !a.leaf().type().isId()) {
            throw binder.invalidField(like.field(), "invalid operator on " + a.leaf().type().soapName() + " field");
        }
        Pattern pattern = likePattern(like.pattern());
        return r -> {
            Object v = a.comparable(r);
            return v != null && pattern.matcher((String) v).matches();
        };
    }

    private static Pattern likePattern(String soqlPattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < soqlPattern.length(); i++) {
            char c = soqlPattern.charAt(i);
            if (c == '\\' && i + 1 < soqlPattern.length()) {
                regex.append(Pattern.quote(String.valueOf(soqlPattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** The literal in the form {@link Accessor#comparable} returns for this field, or a Salesforce error. */
    private Object convert(FieldDef field, Literal l) {
        if (l.kind() == LiteralKind.NULL) {
            return null;
        }
        FieldType t = field.type();
        Object converted = switch (l.kind()) {
            case STRING -> t.isText() ? l.text() : t.isId() ? id(field, l) : null;
            case NUMBER -> t.isNumber() ? Double.valueOf(l.text()) : null;
            case BOOLEAN -> t == FieldType.BOOLEAN ? Boolean.valueOf(l.text()) : null;
            case DATETIME -> t == FieldType.DATETIME ? Values.parseDateTime(l.text()) : null;
            case DATE -> t == FieldType.DATE ? Values.parseDate(l.text()) : null;
            default -> null;
        };
        if (converted == null) {
            boolean quoted = t.isText() || t.isId();
            String typeName = t == FieldType.DATETIME ? "dateTime" : t.isId() ? "id" : t.isText() ? "string"
                    : t.soapName();
            throw binder.invalidField(l.pos(), "value of filter criterion for field '" + field.name()
                    + "' must be of type " + typeName + " and should " + (quoted ? "" : "not ")
                    + "be enclosed in quotes");
        }
        return converted;
    }

    private Object id(FieldDef field, Literal l) {
        String full = Ids.normalize(l.text());
        if (full == null) {
            throw binder.invalidFilter(l.pos(), "invalid ID field: " + l.text());
        }
        return full;
    }

    @SuppressWarnings("unchecked")
    static int compareValues(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            int ci = sa.toLowerCase(Locale.ROOT).compareTo(sb.toLowerCase(Locale.ROOT));
            return ci;
        }
        return ((Comparable<Object>) a).compareTo(b);
    }
}
