package org.grassroots.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the system tests did and found, printed at the end and written to target/system-test-report.md: requests
 * sent by kind, faults injected, events checked per topic and type, and every assertion with its outcome.
 */
final class Report {

    private record Outcome(String phase, String assertion, boolean passed, String detail) {
    }

    private final Map<String, Integer> requests = new TreeMap<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> faults = new ArrayList<>();
    private final Map<String, Integer> events = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Map<String, Long> phaseSeconds = new java.util.LinkedHashMap<>();
    private final Map<String, String> sections = new java.util.LinkedHashMap<>();

    synchronized void request(String kind, int status) {
        requests.merge(kind, 1, Integer::sum);
        statuses.merge(status / 100 + "xx", 1, Integer::sum);
    }

    synchronized void fault(String description) {
        faults.add(description);
    }

    synchronized void events(String topic, String type, int count) {
        events.merge(topic + " | " + type, count, Integer::sum);
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    /** A section of its own (Markdown), printed after the assertions. */
    synchronized void section(String title, String markdown) {
        sections.put(title, markdown);
    }

    synchronized void phase(String phase, long seconds) {
        phaseSeconds.put(phase, seconds);
    }

    /** Records the outcome and, if it failed, throws with the detail (what was lost, duplicated or leaked). */
    void check(String phase, String assertion, List<String> problems) {
        boolean passed = problems.isEmpty();
        String detail = passed ? "" : problems.size() + " problem(s): " + String.join("; ",
                problems.subList(0, Math.min(problems.size(), 25))) + (problems.size() > 25 ? "; ..." : "");
        synchronized (this) {
            outcomes.add(new Outcome(phase, assertion, passed, detail));
        }
        if (!passed) {
            throw new AssertionError(phase + ": " + assertion + " -- " + detail);
        }
    }

    void check(String phase, String assertion, boolean passed, String failure) {
        check(phase, assertion, passed ? List.of() : List.of(failure));
    }

    synchronized void failed(String phase, Throwable error) {
        if (!(error instanceof AssertionError) || outcomes.stream().noneMatch(o -> !o.passed()
                && error.getMessage() != null && error.getMessage().contains(o.assertion()))) {
            outcomes.add(new Outcome(phase, "phase completed", false, String.valueOf(error)));
        }
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder("# System test report\n\n");
        md.append("## Phases (seconds)\n\n");
        phaseSeconds.forEach((phase, seconds) -> md.append("- ").append(phase).append(": ").append(seconds).append('\n'));
        md.append("\n## Requests sent by kind\n\n| kind | requests |\n|---|---:|\n");
        requests.forEach((kind, n) -> md.append("| ").append(kind).append(" | ").append(n).append(" |\n"));
        md.append("| **total** | ").append(requests.values().stream().mapToInt(Integer::intValue).sum()).append(" |\n");
        md.append("\nAnswers by class: ").append(statuses).append("\n\n## Faults injected\n\n");
        faults.forEach(f -> md.append("- ").append(f).append('\n'));
        md.append("\n## Events checked against the catalogue\n\n| topic | type | records |\n|---|---|---:|\n");
        events.forEach((key, n) -> {
            String[] parts = key.split(" \\| ", 2);
            md.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ").append(n).append(" |\n");
        });
        md.append("\n## Assertions\n\n| phase | assertion | outcome |\n|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append("| ").append(o.phase()).append(" | ").append(o.assertion()).append(" | ")
                    .append(o.passed() ? "passed" : "**FAILED**: " + o.detail().replace("|", "\\|")).append(" |\n");
        }
        sections.forEach((title, text) -> md.append("\n## ").append(title).append("\n\n").append(text));
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    void write(Path file) {
        String text = markdown();
        System.out.println(text);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
