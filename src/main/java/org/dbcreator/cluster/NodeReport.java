package org.dbcreator.cluster;

/** What a demo node prints when it ends: who it was, how it ended, and its stats over its life. */
public record NodeReport(String name, String release, DemoNode.Ending ending, String reason, NodeStats stats) {}
