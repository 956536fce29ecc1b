package dev.underway.dialect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CHECK constraints that list a column's values, as the catalogs render them. */
class ValueListsTest {

    @Test
    void postgresRendersInListsAsAnyOfAnArray() {
        assertThat(ValueLists.anyArray("CHECK ((status = ANY (ARRAY['new'::text, 'active'::text])))"))
                .containsExactly("new", "active");
        assertThat(ValueLists.anyArray("CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, 'it''s'::character"
                + " varying])::text[])))")).containsExactly("a", "it's");
        assertThat(ValueLists.anyArray("CHECK ((score >= 0))")).isEmpty();
        assertThat(ValueLists.anyArray("CHECK (((status = ANY (ARRAY['a'::text])) OR (score > 1)))")).isEmpty();
    }

    @Test
    void mysqlRendersThemAsIn() {
        assertThat(ValueLists.inList("`status` in ('new','active')")).isEqualTo(Map.entry("status", List.of("new", "active")));
        assertThat(ValueLists.inList("(`k` in ('x','y''z'))")).isEqualTo(Map.entry("k", List.of("x", "y'z")));
        assertThat(ValueLists.inList("`score` >= 0")).isNull();
        assertThat(ValueLists.inList("json_valid(`doc`)")).isNull();
    }
}
