package org.dbcreator.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names and words for the sample, as people of many languages type them: accents, apostrophes,
 * CJK and Hangul, now and then an emoji (four UTF-8 bytes: only utf8mb4 keeps it).
 */
final class SampleText {

    private static final List<String> FIRST = List.of("anna", "josé", "zoë", "françois", "søren", "łukasz", "mária",
            "björn", "chloé", "ahmed", "priya", "kenji", "wei", "olga", "núria", "jürgen", "inês", "tomás", "mei",
            "ólafur", "siobhán", "dmitri", "aiko", "ngozi");
    private static final List<String> LAST = List.of("müller", "álvarez", "dupont", "nakamura", "kowalski", "novák",
            "andersson", "garcía", "rossi", "ødegaard", "o'brien", "papadopoulos", "smith", "chen", "nguyễn",
            "schmidt", "okafor", "lindqvist");
    private static final List<String> PEOPLE = List.of("王伟", "李娜", "佐藤花子", "김민준", "山田太郎", "Ζωή Παππά",
            "Иван Петров");
    private static final List<String> COMPANIES = List.of("acme-corp", "globex", "initech", "ünicorn-labs",
            "北京云科技", "café-du-commerce", "stark & sons", "umbrella");
    private static final List<String> SERVERS = List.of("web", "db-primary", "db-replica", "cache", "ci-runner",
            "base de données", "serveur d'intégration", "测试服务器", "本番サーバー", "Überwachung", "mail", "vpn",
            "build agent 🚀", "staging 🧪", "kafka", "elastic", "grafana");
    static final List<String> DATA_CENTERS = List.of("Paris-1 (Île-de-France)", "Zürich-1", "東京-1 (Tokyo)",
            "São Paulo-1", "Frankfurt-2", "Montréal-1");

    private SampleText() {}

    /** A login name: mostly first.last, some companies, some names in their own script. */
    static String accountName(SplittableRandom random, long id) {
        double kind = random.nextDouble();
        if (kind < 0.12) {
            return COMPANIES.get(random.nextInt(COMPANIES.size())) + "-" + id;
        }
        if (kind < 0.20) {
            return PEOPLE.get(random.nextInt(PEOPLE.size())) + id;
        }
        return FIRST.get(random.nextInt(FIRST.size())) + "." + LAST.get(random.nextInt(LAST.size())) + id;
    }

    /** What a user called a VM; one in fifty ends with an emoji of its own. */
    static String serverName(SplittableRandom random) {
        String name = SERVERS.get(random.nextInt(SERVERS.size())) + "-" + (1 + random.nextInt(40));
        return random.nextInt(50) == 0 ? name + " ✨" : name;
    }
}
