package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Fills a freshly created baseline schema with realistic sample rows, for evaluators and
 * benchmarks. The manifest names the implementation ({@code baseline.sample-data}); the deploy
 * loads the sample right after the baseline, so the rows then travel through every step's
 * expand, data migrations and cleanup like the data of an upgraded database.
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface SampleDataGenerator {

    /** One line for the progress log. */
    String description();

    /**
     * Inserts batch number {@code batch} of the sample. What a batch holds must depend only on
     * the sample size, its seed and the batch number, so that an interrupted load resumes without
     * repeating or skipping rows.
     *
     * @return the rows inserted; 0 once the sample is complete
     */
    int insertBatch(Connection connection, SampleSize sample, int batch) throws SQLException;

    /**
     * How many rows, over all tables, the whole sample of {@code sample} holds; empty when the
     * generator cannot tell before it runs. Pure: no database is needed.
     */
    default OptionalLong totalRows(SampleSize sample) {
        return OptionalLong.empty();
    }
}
