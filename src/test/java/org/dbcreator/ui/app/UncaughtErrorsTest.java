package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UncaughtErrorsTest {

    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void anExceptionNoPageCaughtShouldReachTheBannerWithItsDetails() throws InterruptedException {
        List<ErrorReport> shown = new CopyOnWriteArrayList<>();
        UncaughtErrors.install(new CurrentThreadExecutor(), shown::add);
        Thread failing = new Thread(() -> {
            throw new IllegalStateException("a bug in a page");
        });
        failing.start();
        failing.join();
        assertThat(shown).singleElement().satisfies(report -> {
            assertThat(report.code()).isEqualTo("INTERNAL");
            assertThat(report.message()).isEqualTo("a bug in a page");
            assertThat(report.advice()).contains("bug report");
            assertThat(report.details()).contains("IllegalStateException", "UncaughtErrorsTest");
        });
    }

    @Test
    void aKnownFailureShouldKeepItsCodeAdviceAndTheDatabaseState() {
        ErrorReport report = ErrorReport.of(new DbCreatorException(ErrorCode.LOCK_HELD, "ops@host holds the lock."),
                Optional.of("The schema is at 4.0.0."));
        assertThat(report.code()).isEqualTo("LOCK_HELD");
        assertThat(report.advice()).isEqualTo(ErrorCode.LOCK_HELD.advice());
        assertThat(report.asText()).startsWith("error LOCK_HELD: ops@host holds the lock. " + ErrorCode.LOCK_HELD.advice())
                .contains("The database: The schema is at 4.0.0.");
    }
}
