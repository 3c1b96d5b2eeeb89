package org.dbcreator.ui.nodes;

import org.dbcreator.cluster.NodeStatus;

/**
 * One node's card on the Restart nodes page, as the registry showed it at the last read.
 *
 * @param age the heartbeat's age as people read it ("3 s")
 * @param verdictText the verdict in a word or two ("ready", "waiting", "needs you")
 * @param demo a demo node this window runs: its card offers Restart and Kill
 * @param excludable gone (stale) on an old release: it may be excluded by its name typed
 */
public record NodeCard(String name, String release, String state, String age, NodeStatus.Verdict verdict,
        String verdictText, String reason, boolean demo, boolean excludable) {}
