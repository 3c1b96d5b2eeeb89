package org.dbcreator.demo;

import java.util.SplittableRandom;

/** The audit trail: logins and VM operations of busy and quiet accounts, mostly INFO. */
final class EventRows implements SampleRows {

    private static final Weighted<String> TYPE = Weighted.of("USER.LOGIN", 22, "USER.LOGOUT", 12, "VM.START", 10,
            "VM.STOP", 8, "VM.CREATE", 6, "VM.DESTROY", 4, "VM.REBOOT", 3, "VM.MIGRATE", 3, "VOLUME.CREATE", 6,
            "VOLUME.ATTACH", 5, "VOLUME.DETACH", 3, "SNAPSHOT.CREATE", 7, "NETWORK.CREATE", 2, "LB.ASSIGN.TO.RULE", 2,
            "TEMPLATE.CREATE", 1, "CONFIGURATION.VALUE.EDIT", 1);
    private static final Weighted<String> STATE = Weighted.of("Completed", 85, "Started", 8, "Scheduled", 4,
            "Created", 3);
    private static final Weighted<String> LEVEL = Weighted.of("INFO", 88, "WARN", 7, "ERROR", 4, "DEBUG", 1);

    private final SampleWorld world;

    EventRows(SampleWorld world) {
        this.world = world;
    }

    @Override
    public Object[] row(long id, SplittableRandom random) {
        double fraction = (id - 1 + random.nextDouble()) / world.shape().rows();
        String type = TYPE.pick(random);
        long account = world.busyAccount(random.nextDouble(), fraction);
        String description = random.nextInt(10) == 0 ? null : describe(type, random, fraction);
        return new Object[] {id, type, STATE.pick(random), description, account, LEVEL.pick(random),
            world.timeAt(fraction)};
    }

    private String describe(String type, SplittableRandom random, double fraction) {
        long vm = world.vmAt(random.nextDouble(), fraction);
        return switch (type) {
            case "USER.LOGIN" -> "user has logged in from IP Address 203.0.113." + (1 + random.nextInt(254));
            case "USER.LOGOUT" -> "user has logged out";
            case "CONFIGURATION.VALUE.EDIT" -> "Successfully edited configuration value event.purge.days";
            default -> {
                String what = type.substring(0, type.indexOf('.')).toLowerCase();
                String text = "Successfully completed " + type.substring(type.indexOf('.') + 1).toLowerCase() + " "
                        + what + ". Vm Id: " + vm;
                yield random.nextInt(20) == 0 ? text + " « " + SampleText.serverName(random) + " »" : text;
            }
        };
    }
}
