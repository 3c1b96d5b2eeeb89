package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewOrderTest {

    private static ObjectDefinition view(String name, String select) {
        return new ObjectDefinition(ObjectDefinition.Kind.VIEW, name, "CREATE VIEW `" + name + "` AS " + select,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void viewsShouldComeAfterTheViewsTheyReadFrom() {
        ObjectDefinition top = view("a_top", "select `id` from `b_middle`");
        ObjectDefinition middle = view("b_middle", "select `id` from `c_base`");
        ObjectDefinition base = view("c_base", "select `id` from `vm_instance`");

        assertThat(ViewOrder.dependenciesFirst(List.of(top, middle, base))).containsExactly(base, middle, top);
    }
}
