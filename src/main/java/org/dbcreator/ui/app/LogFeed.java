package org.dbcreator.ui.app;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * The log drawer's model: lines from any thread, shown on the UI thread in batches (one redraw
 * for however many lines arrived meanwhile), filtered as the operator types. The engine's events
 * are drawn at most once per {@link ProgressCoalescer#PERIOD}: a data migration sends hundreds a
 * second, and a redraw for each took CPU the nodes' server needed (docs/benchmarks.md, "Wizard
 * during an expand"). A line of the window's own draws at once, with whatever is pending before it.
 */
public final class LogFeed implements ProgressListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int MAX_LINES = 5_000;
    private static final Duration TITLE_PERIOD = Duration.ofSeconds(1);

    private final UiExecutor executor;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushAsked = new AtomicBoolean();
    private final Pacer flushes;
    private final Pacer titleRedraws;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final FilteredList<String> shown = new FilteredList<>(lines);
    private final StringProperty filter = new SimpleStringProperty("");
    private final IntegerProperty unseen = new SimpleIntegerProperty();
    private final IntegerProperty titleCount = new SimpleIntegerProperty();

    public LogFeed(UiExecutor executor) {
        this(executor, System::nanoTime, ProgressCoalescer.PERIOD);
    }

    LogFeed(UiExecutor executor, LongSupplier nanoClock, Duration period) {
        this.executor = executor;
        this.flushes = new Pacer(nanoClock, period);
        this.titleRedraws = new Pacer(nanoClock, TITLE_PERIOD);
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String wanted = filter.get() == null ? "" : filter.get().strip().toLowerCase();
            return line -> wanted.isEmpty() || line.toLowerCase().contains(wanted);
        }, filter));
    }

    /** Adds a line and draws it soon; callable from any thread. */
    public void add(String line) {
        pending.add(LocalTime.now().format(TIME) + "  " + line);
        askFlush();
    }

    /** Adds an engine event's line, drawn with the next batch; callable from any thread. */
    @Override
    public void onEvent(ProgressEvent event) {
        pending.add(LocalTime.ofInstant(event.at(), ZoneId.systemDefault()).format(TIME) + "  " + describe(event));
        if (flushes.now(this::askFlush)) {
            askFlush();
        }
    }

    private void askFlush() {
        flushes.ran();
        if (flushAsked.compareAndSet(false, true)) {
            executor.onUiThread(this::flush);
        }
    }

    /** An engine event as one line of the log: a sentence, never the event's record text. */
    public static String describe(ProgressEvent event) {
        return EventLine.of(event);
    }

    private void flush() {
        flushAsked.set(false);
        List<String> batch = new ArrayList<>();
        for (String line = pending.poll(); line != null; line = pending.poll()) {
            batch.add(line);
        }
        lines.addAll(batch);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
        unseen.set(unseen.get() + batch.size());
        updateTitleCountSoon();
    }

    /** The title's count follows {@link #unseenProperty()} at most once a second, and at once back to 0. */
    private void updateTitleCountSoon() {
        if (unseen.get() == 0) {
            titleRedraws.ran();
            titleCount.set(0);
        } else if (titleRedraws.now(() -> executor.onUiThread(this::updateTitleCountSoon))) {
            titleCount.set(unseen.get());
        }
    }

    /** The lines the filter lets through, as one text to copy. */
    public String shownText() {
        return String.join("\n", shown) + (shown.isEmpty() ? "" : "\n");
    }

    public void markSeen() {
        unseen.set(0);
        updateTitleCountSoon();
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public ObservableList<String> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public IntegerProperty unseenProperty() {
        return unseen;
    }

    /** How many lines the drawer's title says are new: {@link #unseenProperty()}, redrawn at most once a second. */
    public ReadOnlyIntegerProperty titleCountProperty() {
        return titleCount;
    }
}
