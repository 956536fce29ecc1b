package dev.underway.report;

import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The share of each query kind in the load, as weights ({@code read=80,insert=10,update=10}).
 */
public record QueryMix(int read, int insert, int update) {
    public static final QueryMix DEFAULT = new QueryMix(80, 10, 10);

    public QueryMix {
        if (read < 0 || insert < 0 || update < 0 || read + insert + update == 0) {
            throw UnderwayException.of(Reason.BAD_OPTION, "a query mix needs non-negative weights with a positive sum, got read=" + read
                    + ", insert=" + insert + ", update=" + update);
        }
    }

    /** Parses {@code read=80,insert=10,update=10}; kinds left out weigh 0. */
    public static QueryMix parse(String text) {
        int[] w = new int[3];
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                throw UnderwayException.of(Reason.BAD_OPTION, "bad query mix '" + text + "': expected kind=weight pairs such as "
                        + "read=80,insert=10,update=10");
            }
            int weight;
            try {
                weight = Integer.parseInt(kv[1].strip());
            } catch (NumberFormatException e) {
                throw UnderwayException.of(Reason.BAD_OPTION, "bad weight '" + kv[1].strip() + "' in query mix '" + text + "'");
            }
            switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                case "read" -> w[0] = weight;
                case "insert" -> w[1] = weight;
                case "update" -> w[2] = weight;
                default -> throw UnderwayException.of(Reason.BAD_OPTION, "unknown query kind '" + kv[0].strip() + "' in query mix '"
                        + text + "': use read, insert and update");
            }
        }
        return new QueryMix(w[0], w[1], w[2]);
    }

    public QueryKind pick(SplittableRandom random) {
        int n = random.nextInt(read + insert + update);
        if (n < read) {
            return QueryKind.READ;
        }
        return n < read + insert ? QueryKind.INSERT : QueryKind.UPDATE;
    }

    @Override
    public String toString() {
        return "read=" + read + ",insert=" + insert + ",update=" + update;
    }
}
