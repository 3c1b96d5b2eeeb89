package org.dbcreator.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.dbcreator.engine.SampleDataGenerator;
import org.dbcreator.engine.SampleSize;

/**
 * Sample data for DemoCloud's 4.0.0 schema: a few data centers, accounts (rows/100), hosts
 * (rows/1000, at least 10), VMs (rows/20) and {@code rows} each of event and usage_event, shaped
 * like a real cloud's two years (busy accounts, daily rhythm, destroyed VMs, many languages).
 * mshost stays empty: nodes register themselves.
 *
 * <p>Batch k holds consecutive ids of one table and is made from the seed and k alone (ids are
 * explicit, cross-table facts come from {@link SampleWorld}), so a resumed load goes on with
 * exactly the rows an uninterrupted one would have written.
 */
public final class DemoSampleData implements SampleDataGenerator {

    /** Built once per load: the deploy asks this instance for every batch of the same sample. */
    private SampleWorld world;

    @Override
    public String description() {
        return "DemoCloud sample data";
    }

    @Override
    public int insertBatch(Connection connection, SampleSize sample, int batch) throws SQLException {
        Optional<Batch> rows = batch(sample, batch);
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = connection.prepareStatement(rows.get().table().insertSql())) {
            for (Object[] row : rows.get().rows()) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.get().rows().size();
    }

    @Override
    public OptionalLong totalRows(SampleSize sample) {
        if (sample.isEmpty()) {
            return OptionalLong.of(0);
        }
        return OptionalLong.of(SampleShape.of(sample.rows()).segments().stream().mapToLong(SampleShape.Segment::rows).sum());
    }

    /** The rows of batch {@code batch}; empty once the sample is complete. */
    Optional<Batch> batch(SampleSize sample, int batch) {
        SampleWorld facts = worldOf(sample);
        Optional<SampleShape.Slice> slice = facts.shape().slice(batch);
        if (slice.isEmpty()) {
            return Optional.empty();
        }
        SampleTable table = slice.get().table();
        SampleRows maker = rowsOf(table, facts);
        SplittableRandom random = facts.randomOfBatch(batch);
        List<Object[]> rows = new ArrayList<>((int) slice.get().count());
        for (long id = slice.get().firstId(); id < slice.get().firstId() + slice.get().count(); id++) {
            rows.add(maker.row(id, random));
        }
        return Optional.of(new Batch(table, rows));
    }

    private SampleWorld worldOf(SampleSize sample) {
        if (world == null || world.seed() != sample.seed() || world.shape().rows() != sample.rows()) {
            world = new SampleWorld(sample.seed(), SampleShape.of(sample.rows()));
        }
        return world;
    }

    private static SampleRows rowsOf(SampleTable table, SampleWorld world) {
        return switch (table) {
            case DATA_CENTER -> new DataCenterRows(world);
            case ACCOUNT -> new AccountRows(world);
            case HOST -> new HostRows(world);
            case VM_INSTANCE -> new VmRows(world);
            case EVENT -> new EventRows(world);
            case USAGE_EVENT -> new UsageEventRows(world);
        };
    }

    /** One batch: rows of one table. */
    record Batch(SampleTable table, List<Object[]> rows) {}
}
