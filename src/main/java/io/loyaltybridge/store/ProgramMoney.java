package io.loyaltybridge.store;

import io.loyaltybridge.domain.program.Program;

/**
 * SQL for an order's money in program units, so every aggregate counts orders by one rule: what the customer kept,
 * converted at the program's fixed rate, and 0 in a currency the program declares no rate for (such an order counts
 * in no program figure). The codes and rates are written into the SQL rather than bound: they come from the
 * validated program file (three capital letters, decimal numbers), never from a request.
 */
final class ProgramMoney {
    private ProgramMoney() {
    }

    /** The kept amount of the orders row in scope (columns status, total, refunded_amount, currency). */
    static String keptSql(Program program) {
        StringBuilder rate = new StringBuilder("CASE currency WHEN '").append(program.currency().code())
                .append("' THEN 1");
        program.rates().perUnit().forEach((code, perUnit) -> rate.append(" WHEN '").append(code.code())
                .append("' THEN ").append(perUnit.toPlainString()));
        rate.append(" ELSE 0 END");
        return "(CASE status WHEN 'completed' THEN total WHEN 'partially_refunded' THEN total - refunded_amount"
                + " ELSE 0 END * " + rate + ")";
    }
}
