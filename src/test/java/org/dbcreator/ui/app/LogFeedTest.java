package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.dbcreator.catalog.Version;
import org.dbcreator.progress.ProgressEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogFeedTest {

    /** Holds UI-thread tasks until the test runs them, as the FX thread does while it is busy. */
    private static final class HeldUiThread implements UiExecutor {
        final List<Runnable> queued = new java.util.concurrent.CopyOnWriteArrayList<>(); // the delayed redraw queues from a timer thread

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUiThread(Runnable task) {
            queued.add(task);
        }
    }

    @Test
    void linesArrivingTogetherShouldBeDrawnInOneBatch() {
        HeldUiThread ui = new HeldUiThread();
        LogFeed feed = new LogFeed(ui);
        for (int i = 0; i < 500; i++) {
            feed.onEvent(new ProgressEvent.BatchDone("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", i, 999,
                    999L * (i + 1), java.util.OptionalLong.empty()));
        }
        assertThat(ui.queued).hasSize(1);
        assertThat(feed.lines()).isEmpty();
        ui.queued.get(0).run();
        assertThat(feed.lines()).hasSize(500);
        assertThat(feed.lines().get(499)).endsWith("backfill host.uuid: batch 499, 999 rows");
        assertThat(feed.unseenProperty().get()).isEqualTo(500);
    }

    @Test
    void theFilterShouldShowAndCopyOnlyMatchingLines() {
        LogFeed feed = new LogFeed(new CurrentThreadExecutor(), System::nanoTime, Duration.ZERO);
        feed.add("Connecting to root@db1:3306/cloud");
        feed.onEvent(new ProgressEvent.Notice("Backing up table host"));
        feed.filterProperty().set("BACKING");
        assertThat(feed.shown()).hasSize(1);
        assertThat(feed.shownText()).contains("Backing up table host").doesNotContain("Connecting");
        feed.filterProperty().set("");
        assertThat(feed.shown()).hasSize(2);
    }

    @Test
    void engineEventsShouldBeDrawnAtMostOncePerPeriodAndTheLastOneStillArrive() throws Exception {
        HeldUiThread ui = new HeldUiThread();
        AtomicLong clock = new AtomicLong();
        LogFeed feed = new LogFeed(ui, clock::get, Duration.ofMillis(100));
        feed.onEvent(new ProgressEvent.Notice("first"));
        drawQueued(ui);
        clock.set(Duration.ofMillis(40).toNanos());
        feed.onEvent(new ProgressEvent.Notice("second, too soon"));
        clock.set(Duration.ofMillis(60).toNanos());
        feed.onEvent(new ProgressEvent.Notice("third, too soon"));

        assertThat(ui.queued).as("no redraw within the period").isEmpty();
        assertThat(feed.lines()).hasSize(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ui.queued.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the delayed redraw comes one period later without any further event
        }
        drawQueued(ui);
        assertThat(feed.lines()).hasSize(3);
        assertThat(feed.lines().get(2)).endsWith("third, too soon");
    }

    @Test
    void aLineOfTheWindowsOwnShouldDrawAtOnceAfterWhatIsPending() {
        HeldUiThread ui = new HeldUiThread();
        AtomicLong clock = new AtomicLong();
        LogFeed feed = new LogFeed(ui, clock::get, Duration.ofMinutes(1));
        feed.onEvent(new ProgressEvent.Notice("engine 1"));
        drawQueued(ui);
        feed.onEvent(new ProgressEvent.Notice("engine 2"));
        feed.add("Expand stopped");

        drawQueued(ui);

        assertThat(feed.lines()).hasSize(3);
        assertThat(feed.lines().get(1)).endsWith("engine 2");
        assertThat(feed.lines().get(2)).endsWith("Expand stopped");
    }

    @Test
    void anEngineLineShouldCarryTheTimeOfItsEventNotOfItsRedraw() {
        LogFeed feed = new LogFeed(new CurrentThreadExecutor(), System::nanoTime, Duration.ZERO);
        Instant at = Instant.parse("2026-12-03T10:00:07Z");
        feed.onEvent(new ProgressEvent.Notice("stamped", at));
        assertThat(feed.lines().get(0)).startsWith(java.time.LocalTime.ofInstant(at, java.time.ZoneId.systemDefault())
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
    }

    private static void drawQueued(HeldUiThread ui) {
        List<Runnable> tasks = new ArrayList<>(ui.queued);
        ui.queued.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void theTitlesCountShouldChangeAtMostOnceASecondAndAtOnceToZero() throws Exception {
        AtomicLong clock = new AtomicLong();
        LogFeed feed = new LogFeed(new CurrentThreadExecutor(), clock::get, Duration.ZERO);
        feed.add("one");
        assertThat(feed.titleCountProperty().get()).isEqualTo(1);
        clock.set(Duration.ofMillis(400).toNanos());
        feed.add("two");
        feed.add("three");

        assertThat(feed.unseenProperty().get()).isEqualTo(3);
        assertThat(feed.titleCountProperty().get()).as("drawn again within the second").isEqualTo(1);

        clock.set(Duration.ofMillis(1_500).toNanos()); // the second is over when the delayed redraw comes
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (feed.titleCountProperty().get() != 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(feed.titleCountProperty().get()).isEqualTo(3);
        feed.add("four");
        feed.markSeen();
        assertThat(feed.titleCountProperty().get()).as("seen: the title says so at once").isZero();
    }

    /**
     * Every kind of engine event there is, found in the compiled classes rather than listed by hand:
     * the engine's own events ({@link ProgressEvent.OperationEvent}) are not sealed, so a new one
     * would otherwise reach the log as its record text ({@code PhaseChanged[database=...]}).
     */
    static List<Class<?>> eventTypes() {
        List<Class<?>> types = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dbcreator").stream()
                .filter(c -> c.isAssignableTo(ProgressEvent.class) && !c.isInterface())
                .map(JavaClass::reflect).<Class<?>>map(c -> c).sorted(java.util.Comparator.comparing(Class::getName)).toList();
        assertThat(types).as("the events found").hasSizeGreaterThan(Arrays.stream(ProgressEvent.class.getPermittedSubclasses())
                .filter(c -> !c.isInterface()).toArray().length);
        return types;
    }

    private static final Pattern RECORD_TEXT = Pattern.compile("\\w\\[\\w+=");

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventShouldReadAsASentenceNotAsItsRecordText(Class<?> type) throws Exception {
        for (boolean flag : new boolean[] {false, true}) {
            ProgressEvent event = (ProgressEvent) sample(type, flag, 0);
            String line = LogFeed.describe(event);
            assertThat(line).as("%s, flags %s", type.getSimpleName(), flag).isNotBlank()
                    .isNotEqualTo(event.toString()).doesNotContain(type.getSimpleName() + "[");
            assertThat(line).as("%s has no sentence of its own", type.getSimpleName())
                    .isNotEqualTo(Messages.get("log.event", type.getSimpleName()));
            assertThat(RECORD_TEXT.matcher(line).find()).as("%s reads as record text: %s", type.getSimpleName(), line).isFalse();
        }
    }

    /** A record with simple values in each component (any record it holds built the same way). */
    private static Object sample(Class<?> type, boolean flag, int depth) throws Exception {
        assertThat(type.isRecord()).as("%s is a record", type).isTrue();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getType() == List.class ? list(components[i], flag, depth)
                    : value(components[i].getType(), flag, depth);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        return canonical.newInstance(values);
    }

    /** Empty, or (flag set) one element built as the rest; empty in what an event's parts hold. */
    private static List<?> list(RecordComponent component, boolean flag, int depth) throws Exception {
        Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return flag && depth <= 1 ? List.of(value((Class<?>) element, flag, depth)) : List.of();
    }

    private static Object value(Class<?> type, boolean flag, int depth) throws Exception {
        if (type == String.class) {
            return "cloud";
        } else if (type == int.class) {
            return 2;
        } else if (type == long.class) {
            return 3L;
        } else if (type == boolean.class) {
            return flag;
        } else if (type == Instant.class) {
            return Instant.now();
        } else if (type == Duration.class) {
            return Duration.ofSeconds(5);
        } else if (type == Path.class) {
            return Path.of("backups", "cloud.sql.gz");
        } else if (type == Optional.class) {
            return Optional.empty();
        } else if (type == OptionalLong.class) {
            return flag ? OptionalLong.of(40) : OptionalLong.empty();
        } else if (type == Version.class) {
            return Version.parse("4.1.0");
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[flag ? constants.length - 1 : 0];
        } else if (type.isRecord()) {
            return sample(type, flag, depth + 1);
        }
        throw new AssertionError("no sample value for " + type.getName() + ": add one here");
    }
}
