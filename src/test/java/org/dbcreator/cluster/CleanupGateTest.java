package org.dbcreator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.NodeRegistryReader.RegisteredNode;
import org.dbcreator.cluster.NodeStatus.Liveness;
import org.dbcreator.cluster.NodeStatus.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanupGateTest {

    private static final Version TARGET = Version.parse("4.3.0");

    @ParameterizedTest(name = "{0} {1} {2} excluded={3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # release   | state    | liveness | excluded | verdict | reason contains
            4.3.0       | Up       | LIVE     | false    | READY   | runs 4.3.0
            4.2.0       | Up       | LIVE     | false    | WAITING | restart it on 4.3.0
            4.4.0       | Up       | LIVE     | false    | WAITING | not 4.3.0
            4.3.0-beta  | Up       | LIVE     | false    | WAITING | restart it on 4.3.0
            4.2.0       | Error    | LIVE     | false    | FAILED  | reports state 'Error'
            4.3.0       | Error    | LIVE     | false    | READY   | runs 4.3.0
            4.2.0       | Up       | STALE    | false    | BLOCKED | exclude it by name
            4.2.0       | Up       | STALE    | true     | IGNORED | excluded
            4.2.0       | Error    | STALE    | false    | BLOCKED | heartbeat stopped
            4.3.0       | Up       | STALE    | false    | IGNORED | cannot break it
            4.2.0       | Down     | DOWN     | false    | IGNORED | stopped cleanly
            4.3.0       | Down     | DOWN     | false    | IGNORED | stopped cleanly
            """)
    void eachNodeShouldGetItsVerdictAndAReason(String release, String state, Liveness liveness, boolean excluded,
            Verdict verdict, String reason) {
        RegisteredNode node = new RegisteredNode("ms-1", release, state, Duration.ofSeconds(40), liveness);

        NodeStatus judged = CleanupGate.evaluate(List.of(node), TARGET, excluded ? Set.of("ms-1") : Set.of())
                .nodes().get(0);

        assertThat(judged.verdict()).isEqualTo(verdict);
        assertThat(judged.reason()).contains(reason);
        assertThat(judged.blocker().isPresent()).isEqualTo(verdict == Verdict.WAITING || verdict == Verdict.FAILED
                || verdict == Verdict.BLOCKED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # nodes as release/state/liveness                | gate
            4.3.0/Up/LIVE 4.2.0/Down/DOWN                     | OPEN
            ''                                                | OPEN
            4.3.0/Up/LIVE 4.2.0/Up/LIVE                       | WAITING
            4.2.0/Up/LIVE 4.2.0/Up/LIVE                       | WAITING
            4.2.0/Up/LIVE 4.2.0/Up/STALE                      | BLOCKED
            4.2.0/Up/LIVE 4.2.0/Error/LIVE                    | BLOCKED
            4.3.0/Up/LIVE 4.2.0/Up/STALE                      | BLOCKED
            """)
    void theGateShouldTellWaitingFromBlocked(String nodes, GateReport.Verdict gate) {
        List<RegisteredNode> rows = new java.util.ArrayList<>();
        int i = 0;
        for (String node : nodes.isBlank() ? new String[0] : nodes.split(" ")) {
            String[] parts = node.split("/");
            rows.add(new RegisteredNode("ms-" + i++, parts[0], parts[1], Duration.ofSeconds(1), Liveness.valueOf(parts[2])));
        }

        GateReport report = CleanupGate.evaluate(rows, TARGET, Set.of());

        assertThat(report.verdict()).isEqualTo(gate);
        assertThat(report.isOpen()).isEqualTo(gate == GateReport.Verdict.OPEN);
    }
}
