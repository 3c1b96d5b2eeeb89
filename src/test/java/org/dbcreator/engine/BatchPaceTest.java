package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchPaceTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, 10.5, Double.NaN, Double.POSITIVE_INFINITY})
    void ratioOutsideZeroToTenShouldBeRefusedAsABadArgument(double ratio) {
        assertThatThrownBy(() -> new BatchPace(ratio))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("between 0 and 10");
    }
}
