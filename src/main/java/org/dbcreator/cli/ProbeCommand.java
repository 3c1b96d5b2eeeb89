package org.dbcreator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dbcreator.db.PresentedCertificate;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.ProbeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "probe", description = {
        "Check the connection layer by layer: reachable, TLS (and the certificate presented), signed in, server",
        "release, database, and which operations the account's privileges allow. Read-only.",
        "Exit code: 0 when no layer failed, else the code of the lowest failed layer."})
final class ProbeCommand implements Callable<Integer> {

    @ParentCommand
    MainCommand main;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    public Integer call() {
        CliContext context = main.context();
        ConnectionOptions.Target target = connection.resolve(context);
        ProbeReport report = DbCreator.probe(target.catalog(), target.settings());
        context.out().print(output.json ? JsonOutput.of(json(report)) + "\n" : text(report));
        return report.firstFailure().flatMap(ProbeLayer::failure).map(code -> code.exitCode()).orElse(0);
    }

    static String text(ProbeReport report) {
        StringBuilder out = new StringBuilder("Probing " + Printable.line(report.target()) + " (TLS mode "
                + report.tlsMode() + ")\n");
        for (ProbeLayer layer : report.layers()) {
            out.append(String.format("%-8s %-15s %s%n", layer.status(), layer.layer(), Printable.line(layer.detail())));
            if (!layer.fix().isEmpty() && layer.status() != ProbeLayer.Status.PASSED) {
                out.append(String.format("%-24s fix: %s%n", "", Printable.line(layer.fix())));
            }
            if (layer.layer() == ProbeLayer.Layer.TLS) {
                report.certificate().ifPresent(c -> out.append(String.format("%-24s certificate: %s, issued by %s,"
                        + " valid %s to %s, %s%n", "", Printable.line(c.subject()), Printable.line(c.issuer()),
                        c.validFrom(), c.validUntil(), c.trust().name().toLowerCase().replace('_', ' '))));
            }
        }
        for (ProbeReport.OperationAccess access : report.operations()) {
            out.append(String.format("%-24s %-8s %s%n", "", access.operation().name().toLowerCase(), access.allowed()
                    ? "allowed" : "not allowed: lacks " + String.join(", ", new java.util.TreeSet<>(access.missing()))));
        }
        return out.toString();
    }

    static Map<String, Object> json(ProbeReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", report.target());
        m.put("tlsMode", report.tlsMode().name());
        m.put("passed", report.passed());
        m.put("layers", report.layers().stream().map(layer -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("layer", layer.layer().name());
            l.put("status", layer.status().name());
            l.put("detail", layer.detail());
            l.put("code", layer.failure().map(Enum::name).orElse(null));
            l.put("fix", layer.fix().isEmpty() ? null : layer.fix());
            l.put("millis", layer.took().map(d -> d.toNanos() / 1_000_000.0).orElse(null));
            return l;
        }).toList());
        m.put("certificate", report.certificate().map(ProbeCommand::certificate).orElse(null));
        m.put("account", report.account().orElse(null));
        m.put("server", report.server().orElse(null));
        m.put("operations", report.operations().stream().map(a -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("operation", a.operation().name());
            o.put("allowed", a.allowed());
            o.put("missing", new java.util.TreeSet<>(a.missing()));
            return o;
        }).toList());
        return m;
    }

    private static Map<String, Object> certificate(PresentedCertificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", c.subject());
        m.put("issuer", c.issuer());
        m.put("validFrom", c.validFrom().toString());
        m.put("validUntil", c.validUntil().toString());
        m.put("names", c.names());
        m.put("trust", c.trust().name());
        m.put("trustReason", c.trustReason());
        return m;
    }
}
