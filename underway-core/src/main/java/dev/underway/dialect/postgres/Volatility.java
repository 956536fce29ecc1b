package dev.underway.dialect.postgres;

import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a DEFAULT expression is volatile: PostgreSQL 11+ stores a non-volatile default in
 * the catalog, but must evaluate a volatile one for every existing row (a rewrite).
 */
final class Volatility {
    /** Volatile built-ins that appear in defaults. */
    private static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval",
            "setseed", "txid_current", "pg_current_xact_id");
    /** Stable or immutable functions and casts seen in defaults: evaluated once, stored in the catalog. */
    private static final Set<String> SAFE = Set.of("now", "current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "statement_timestamp", "transaction_timestamp", "current_user", "session_user",
            "current_schema", "lower", "upper", "coalesce", "jsonb_build_object", "json_build_object", "array",
            "make_interval", "to_jsonb", "to_json", "timezone", "date_trunc", "jsonb_build_array", "json_build_array",
            "concat", "length", "abs", "greatest", "least", "interval", "row", "numeric", "varchar", "char", "timestamp",
            "timestamptz", "date", "time", "bit", "decimal", "character", "float", "double", "current_setting", "format",
            "md5", "replace", "substring", "substr", "trim", "to_char", "left", "right", "split_part");

    private Volatility() {
    }

    /** The first function call that makes the expression volatile (or of unknown volatility), or null. */
    static String volatileCall(List<Token> expression) {
        for (int i = 0; i + 1 < expression.size(); i++) {
            Token t = expression.get(i);
            if (t.type() == TokenType.WORD && expression.get(i + 1).type() == TokenType.OPEN_PAREN) {
                String name = t.text().toLowerCase(Locale.ROOT);
                boolean afterCast = i > 0 && expression.get(i - 1).text().equals("::");
                if (VOLATILE.contains(name)) {
                    return name + "()";
                }
                if (!SAFE.contains(name) && !afterCast) {
                    return name + "() (volatility unknown: assumed volatile)";
                }
            }
        }
        return null;
    }
}
