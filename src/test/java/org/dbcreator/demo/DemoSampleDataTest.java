package org.dbcreator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.engine.SampleSize;
import org.junit.jupiter.api.Test;

class DemoSampleDataTest {

    private static final SampleSize SAMPLE = new SampleSize(20_000, 42);

    @Test
    void sameRowsSeedAndBatchShouldGiveIdenticalRows() {
        for (int batch = 0; batch < batchCount(SAMPLE); batch++) {
            assertThat(rowsOf(new DemoSampleData(), SAMPLE, batch)).as("batch %d", batch)
                    .isDeepEqualTo(rowsOf(new DemoSampleData(), SAMPLE, batch));
        }
    }

    @Test
    void differentSeedsShouldGiveDifferentRows() {
        SampleSize other = new SampleSize(SAMPLE.rows(), SAMPLE.seed() + 1);
        for (int batch = 0; batch < batchCount(SAMPLE); batch++) {
            assertThat(Arrays.deepEquals(rowsOf(new DemoSampleData(), SAMPLE, batch),
                    rowsOf(new DemoSampleData(), other, batch))).as("batch %d", batch).isFalse();
        }
    }

    @Test
    void batchShouldNotDependOnTheBatchesMadeBeforeIt() {
        DemoSampleData resumed = new DemoSampleData();
        DemoSampleData fromStart = new DemoSampleData();
        int last = batchCount(SAMPLE) - 1;
        for (int batch = 0; batch < last; batch++) {
            fromStart.batch(SAMPLE, batch);
        }
        assertThat(rowsOf(resumed, SAMPLE, last)).isDeepEqualTo(rowsOf(fromStart, SAMPLE, last));
    }

    @Test
    void everyTableShouldGetItsShareOfConsecutiveIdsOnce() {
        Map<SampleTable, List<Object[]>> tables = allRows(SAMPLE);
        SampleShape shape = SampleShape.of(SAMPLE.rows());
        assertThat(tables.get(SampleTable.DATA_CENTER)).hasSize(shape.dataCenters());
        assertThat(tables.get(SampleTable.ACCOUNT)).hasSize(200);
        assertThat(tables.get(SampleTable.HOST)).hasSize(20);
        assertThat(tables.get(SampleTable.VM_INSTANCE)).hasSize(1_000);
        assertThat(tables.get(SampleTable.EVENT)).hasSize(20_000);
        assertThat(tables.get(SampleTable.USAGE_EVENT)).hasSize(20_000);
        tables.forEach((table, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i)[0]).as("%s row %d", table, i).isEqualTo(i + 1L);
                assertThat(rows.get(i)).as("%s row %d", table, i).hasSize(table.columnCount());
            }
        });
        assertThat(new DemoSampleData().batch(SAMPLE, batchCount(SAMPLE))).isEmpty();
    }

    @Test
    void shapeShouldScaleWithRowsAndKeepTenHostsAtLeast() {
        assertThat(SampleShape.of(1_000_000)).isEqualTo(new SampleShape(1_000_000, 6, 10_000, 1_000, 50_000));
        assertThat(SampleShape.of(100).hosts()).isEqualTo(10);
        assertThat(SampleShape.of(1_000_000).slice(0)).contains(new SampleShape.Slice(SampleTable.DATA_CENTER, 1, 6));
        assertThat(SampleShape.of(1_000_000).slice(2)).contains(new SampleShape.Slice(SampleTable.ACCOUNT, 5_001, 5_000));
    }

    @Test
    void referencesShouldPointAtRowsThatExistAndAgree() {
        Map<SampleTable, List<Object[]>> tables = allRows(SAMPLE);
        Map<Long, Long> hostDataCenter = new HashMap<>();
        tables.get(SampleTable.HOST).forEach(h -> hostDataCenter.put((Long) h[0], (Long) h[2]));
        for (Object[] vm : tables.get(SampleTable.VM_INSTANCE)) {
            assertThat((Long) vm[4]).isBetween(1L, 200L);
            if (vm[6] != null) {
                assertThat(hostDataCenter.get((Long) vm[6])).as("the data center of the VM's host").isEqualTo(vm[5]);
            }
        }
        for (Object[] usage : tables.get(SampleTable.USAGE_EVENT)) {
            assertThat((Long) usage[2]).isBetween(1L, 200L);
            assertThat((Long) usage[3]).isBetween(1L, (long) SampleShape.of(SAMPLE.rows()).dataCenters());
        }
        assertThat(tables.get(SampleTable.EVENT)).allSatisfy(e -> assertThat((Long) e[4]).isBetween(1L, 200L));
    }

    @Test
    void eventsShouldSpanTwoYearsAscendingWithTheirIds() {
        List<Object[]> events = allRows(SAMPLE).get(SampleTable.EVENT);
        LocalDateTime previous = SampleClock.START;
        for (Object[] event : events) {
            LocalDateTime created = (LocalDateTime) event[6];
            assertThat(created).isAfterOrEqualTo(previous).isBefore(SampleClock.END);
            previous = created;
        }
        assertThat((LocalDateTime) events.get(0)[6]).isBefore(SampleClock.START.plusDays(2));
        assertThat((LocalDateTime) events.get(events.size() - 1)[6]).isAfter(SampleClock.END.minusDays(2));
    }

    @Test
    void theBusiestTwoPercentOfAccountsShouldWriteOverAFifthOfTheEvents() {
        Map<Object, Integer> perAccount = new HashMap<>();
        allRows(SAMPLE).get(SampleTable.EVENT).forEach(e -> perAccount.merge(e[4], 1, Integer::sum));
        List<Integer> counts = new ArrayList<>(perAccount.values());
        counts.sort((a, b) -> b - a);
        int topTwoPercent = counts.subList(0, 4).stream().mapToInt(Integer::intValue).sum();
        assertThat(topTwoPercent).as("events of the 4 busiest of 200 accounts").isGreaterThan(20_000 / 5);
    }

    @Test
    void daytimeShouldBeBusierThanNightAndWeekdaysThanWeekends() {
        int[] perHour = new int[24];
        int weekend = 0;
        for (Object[] event : allRows(SAMPLE).get(SampleTable.EVENT)) {
            LocalDateTime created = (LocalDateTime) event[6];
            perHour[created.getHour()]++;
            weekend += created.getDayOfWeek().getValue() >= 6 ? 1 : 0;
        }
        assertThat(perHour[14]).isGreaterThan(3 * perHour[3]);
        assertThat(weekend).as("weekend events, 2 days in 7 at half the rate").isBetween(2_000, 3_500);
    }

    @Test
    void nullableColumnsShouldBeNullInAboutOneRowInTen() {
        Map<SampleTable, List<Object[]>> tables = allRows(SAMPLE);
        assertThat(nullShare(tables.get(SampleTable.EVENT), 3)).as("event.description").isBetween(0.08, 0.12);
        assertThat(nullShare(tables.get(SampleTable.VM_INSTANCE), 3)).as("vm_instance.display_name").isBetween(0.07, 0.13);
        assertThat(nullShare(tables.get(SampleTable.ACCOUNT), 6)).as("account.removed: most accounts stay")
                .isBetween(0.90, 0.99);
        assertThat(tables.get(SampleTable.VM_INSTANCE)).filteredOn(vm -> "Destroyed".equals(vm[7]))
                .isNotEmpty().allSatisfy(vm -> assertThat(vm[11]).as("removed").isNotNull());
    }

    @Test
    void textShouldCarryAccentsCjkAndNowAndThenAnEmoji() {
        List<String> texts = new ArrayList<>();
        allRows(SAMPLE).values().forEach(rows -> rows.forEach(row -> Arrays.stream(row)
                .filter(String.class::isInstance).map(String.class::cast).forEach(texts::add)));
        assertThat(texts).anySatisfy(t -> assertThat(t).containsPattern("[éèüøñç]"));
        assertThat(texts).anySatisfy(t -> assertThat(t).containsPattern("\\p{IsHan}"));
        assertThat(texts).anySatisfy(t -> assertThat(t.codePoints().anyMatch(Character::isSupplementaryCodePoint)).isTrue());
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("'"));
    }

    private static double nullShare(List<Object[]> rows, int column) {
        return rows.stream().filter(r -> r[column] == null).count() / (double) rows.size();
    }

    private static Object[][] rowsOf(DemoSampleData generator, SampleSize sample, int batch) {
        Optional<DemoSampleData.Batch> rows = generator.batch(sample, batch);
        assertThat(rows).as("batch %d", batch).isPresent();
        return rows.get().rows().toArray(new Object[0][]);
    }

    private static int batchCount(SampleSize sample) {
        int batches = 0;
        while (SampleShape.of(sample.rows()).slice(batches).isPresent()) {
            batches++;
        }
        return batches;
    }

    private static Map<SampleTable, List<Object[]>> allRows(SampleSize sample) {
        DemoSampleData generator = new DemoSampleData();
        Map<SampleTable, List<Object[]>> tables = new HashMap<>();
        for (int batch = 0; batch < batchCount(sample); batch++) {
            DemoSampleData.Batch rows = generator.batch(sample, batch).orElseThrow();
            tables.computeIfAbsent(rows.table(), t -> new ArrayList<>()).addAll(rows.rows());
        }
        return tables;
    }
}
