package org.dbcreator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.NodeRegistryReader.RegisteredNode;
import org.dbcreator.cluster.NodeStatus.Liveness;
import org.dbcreator.cluster.NodeStatus.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cleanup gate reversed: a rollback to 4.1.0 waits for every node newer than 4.1.0. */
class RollbackGateTest {

    private static final Version RETURN_TO = Version.parse("4.1.0");

    @ParameterizedTest(name = "{0} {1} {2} excluded={3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # release   | state    | liveness | excluded | verdict | reason contains
            4.1.0       | Up       | LIVE     | false    | READY   | runs 4.1.0
            4.0.0       | Up       | LIVE     | false    | READY   | runs 4.0.0
            4.3.0       | Up       | LIVE     | false    | WAITING | newer than 4.1.0: restart it on 4.1.0
            4.2.0       | Error    | LIVE     | false    | WAITING | restart it on 4.1.0
            4.3.0       | Up       | LIVE     | true     | WAITING | newer than 4.1.0
            nightly     | Up       | LIVE     | false    | WAITING | runs nightly
            4.3.0       | Up       | STALE    | false    | BLOCKED | exclude it by name
            4.3.0       | Up       | STALE    | true     | IGNORED | excluded
            4.0.0       | Up       | STALE    | false    | IGNORED | cannot break it
            4.3.0       | Down     | DOWN     | false    | IGNORED | stopped cleanly
            """)
    void eachNodeShouldGetItsVerdictAndAReason(String release, String state, Liveness liveness, boolean excluded,
            Verdict verdict, String reason) {
        RegisteredNode node = new RegisteredNode("ms-1", release, state, Duration.ofSeconds(40), liveness);

        NodeStatus judged = RollbackGate.evaluate(List.of(node), RETURN_TO, excluded ? Set.of("ms-1") : Set.of())
                .nodes().get(0);

        assertThat(judged.verdict()).isEqualTo(verdict);
        assertThat(judged.reason()).contains(reason);
    }

    @Test
    void theGateShouldNameOnlyTheNewerNodes() {
        GateReport gate = RollbackGate.evaluate(List.of(
                new RegisteredNode("old-1", "4.0.0", "Up", Duration.ofSeconds(1), Liveness.LIVE),
                new RegisteredNode("new-1", "4.3.0", "Up", Duration.ofSeconds(1), Liveness.LIVE),
                new RegisteredNode("new-2", "4.2.0", "Down", Duration.ofSeconds(90), Liveness.DOWN)), RETURN_TO, Set.of());

        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.target()).isEqualTo(RETURN_TO);
        assertThat(gate.blockers()).extracting(NodeStatus::name).containsExactly("new-1");
    }
}
