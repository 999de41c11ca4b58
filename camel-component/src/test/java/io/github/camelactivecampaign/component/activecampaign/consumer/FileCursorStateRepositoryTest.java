// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cursor file survives every ending a crash can give it: the torn ones are refused at start with an error naming
 * the file and the fix, never read as "no cursor"; files of Camel's FileStateRepository keep working.
 */
class FileCursorStateRepositoryTest {

    private static final String KEY = "activecampaign:activities;contact:1#1";
    private static final String CURSOR =
            "{\"time\":\"2024-03-01T12:00:05Z\",\"ids\":[\"9\"],\"undated\":[],\"lastId\":0}";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cursors.dat");
    }

    private FileCursorStateRepository started(Path file) {
        FileCursorStateRepository repository = new FileCursorStateRepository(file);
        repository.start();
        return repository;
    }

    private Map<String, String> readBack(Path file) {
        FileCursorStateRepository repository = started(file);
        try {
            Map<String, String> states = new LinkedHashMap<>();
            for (String key : List.of(KEY, "a", "b", "c")) {
                String value = repository.getState(key);
                if (value != null) {
                    states.put(key, value);
                }
            }
            return states;
        } finally {
            repository.stop();
        }
    }

    private void assertRefused(Path file, String problem) {
        FileCursorStateRepository repository = new FileCursorStateRepository(file);
        assertThatThrownBy(repository::start)
                .hasStackTraceContaining(file.toAbsolutePath().toString())
                .hasStackTraceContaining(problem)
                .hasStackTraceContaining("restore the file from a backup, or delete it to start again from startFrom");
    }

    // ---- round trips

    @Test
    void aMissingFileIsNoCursorAndIsCreatedWithItsDirectoriesAtTheFirstUpdate() {
        Path file = dir.resolve("deeper/still/cursors.dat");
        FileCursorStateRepository repository = started(file);
        assertThat(repository.getState(KEY)).isNull();
        assertThat(file).doesNotExist();

        repository.setState(KEY, CURSOR);
        repository.stop();

        assertThat(file).exists();
        assertThat(file.resolveSibling("cursors.dat.tmp")).doesNotExist();
        assertThat(readBack(file)).containsExactly(Map.entry(KEY, CURSOR));
    }

    @Test
    void theLastValueOfEachKeySurvivesARestart() {
        FileCursorStateRepository repository = started(file());
        repository.setState("a", "1");
        repository.setState("b", "2");
        repository.setState("a", "3");
        // no stop: a kill right now must find everything set so far
        assertThat(readBack(file())).containsOnly(Map.entry("a", "3"), Map.entry("b", "2"));
    }

    @Test
    void keysAndValuesWithAnyCharacterRoundTrip() {
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("key=with=equals", "value=with=equals");
        odd.put("line\nbreak", "line\nbreak\r\nand\rreturns");
        odd.put("quotes \" and \\ backslash", "{\"json\":\"inside\\\"\"}");
        odd.put("unicode é ü ß 日本 😀", "😀 emoji and \u2028 separators \u2029");
        odd.put("controls \t \u0001 \u001f", "NUL \u0000 inside");
        odd.put("", "empty key");
        odd.put("empty value", "");
        odd.put("# comment-like", "! bang");
        odd.put("long", "x".repeat(100_000));

        FileCursorStateRepository repository = started(file());
        odd.forEach(repository::setState);
        repository.stop();

        FileCursorStateRepository again = started(file());
        odd.forEach((key, value) -> assertThat(again.getState(key)).as("value of %s", key).isEqualTo(value));
        again.stop();
    }

    @Test
    void textThatCouldNotBeReadBackIsRefusedBeforeAnythingIsWritten() {
        FileCursorStateRepository repository = started(file());
        repository.setState(KEY, CURSOR);
        assertThatThrownBy(() -> repository.setState(KEY, "half a pair \uD800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate at index 12");
        assertThatThrownBy(() -> repository.setState("\uDC00", "value"))
                .hasMessageContaining("The key is not valid Unicode text");
        repository.stop();
        assertThat(readBack(file())).containsExactly(Map.entry(KEY, CURSOR));
    }

    @Test
    void theFileIsACompleteDocumentAfterEveryUpdate() throws Exception {
        FileCursorStateRepository repository = started(file());
        for (int i = 0; i < 20; i++) {
            repository.setState("k" + i % 3, "v" + i);
            String content = Files.readString(file());
            assertThat(content).startsWith(FileCursorFormat.HEADER).endsWith("}}\n");
            assertThat(FileCursorFormat.read(Files.readAllBytes(file()))).containsEntry("k" + i % 3, "v" + i);
        }
        repository.stop();
    }

    @Test
    void concurrentUpdatesAllReachTheFile() throws Exception {
        FileCursorStateRepository repository = started(file());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String key = "writer" + t;
                writers.add(() -> {
                    for (int i = 1; i <= 25; i++) {
                        repository.setState(key, String.valueOf(i));
                        assertThat(repository.getState(key)).isEqualTo(String.valueOf(i));
                    }
                    return null;
                });
            }
            for (Future<Void> result : pool.invokeAll(writers)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        repository.stop();
        FileCursorStateRepository again = started(file());
        for (int t = 0; t < 4; t++) {
            assertThat(again.getState("writer" + t)).isEqualTo("25");
        }
        again.stop();
    }

    // ---- a write that fails

    @Test
    void aFailedWriteKeepsThePreviousValueInMemoryAndOnDisk() throws Exception {
        FileCursorStateRepository repository = started(file());
        repository.setState(KEY, "before");
        // a directory where the temporary file goes: no write can create it, even as root
        Path blocker = dir.resolve("cursors.dat.tmp");
        Files.createDirectories(blocker.resolve("occupied"));

        assertThatThrownBy(() -> repository.setState(KEY, "after"))
                .hasMessageContaining(file().toString())
                .hasMessageContaining("still holds the previous cursor");
        assertThat(repository.getState(KEY)).isEqualTo("before");
        assertThat(FileCursorFormat.read(Files.readAllBytes(file()))).containsExactly(Map.entry(KEY, "before"));

        Files.delete(blocker.resolve("occupied"));
        Files.delete(blocker);
        repository.setState(KEY, "after");
        repository.stop();
        assertThat(readBack(file())).containsExactly(Map.entry(KEY, "after"));
    }

    // ---- what a crash leaves behind

    @Test
    void aHalfWrittenTemporaryFileBesideTheTargetIsIgnoredAndRemoved() throws Exception {
        FileCursorStateRepository repository = started(file());
        repository.setState(KEY, "committed");
        repository.stop();
        byte[] next = FileCursorFormat.write(Map.of(KEY, "never committed"));
        Path temporary = dir.resolve("cursors.dat.tmp");
        Files.write(temporary, Arrays.copyOf(next, next.length / 2));

        assertThat(readBack(file())).containsExactly(Map.entry(KEY, "committed"));
        assertThat(temporary).doesNotExist();
    }

    @Test
    void aCompleteTemporaryFileThatWasNotRenamedIsNotTheCursor() throws Exception {
        // the rename is the commit: a kill before it means the update did not happen
        Files.write(file(), FileCursorFormat.write(Map.of(KEY, "committed")));
        Files.write(dir.resolve("cursors.dat.tmp"), FileCursorFormat.write(Map.of(KEY, "not renamed")));

        assertThat(readBack(file())).containsExactly(Map.entry(KEY, "committed"));
    }

    @Test
    void aTemporaryFileWithoutTargetMeansNoCursorWasEverCommitted() throws Exception {
        Files.write(dir.resolve("cursors.dat.tmp"), "{\"format\":\"camel-act".getBytes(StandardCharsets.UTF_8));

        assertThat(readBack(file())).isEmpty();
        assertThat(dir.resolve("cursors.dat.tmp")).doesNotExist();
    }

    @Test
    void everyCutOfTheDocumentIsRefusedUnlessOnlyTheFinalNewlineIsMissing() throws Exception {
        byte[] whole = FileCursorFormat.write(Map.of(KEY, CURSOR, "a", "second ü"));
        for (int length = 0; length < whole.length; length++) {
            Files.write(file(), Arrays.copyOf(whole, length));
            if (length == whole.length - 1) {
                assertThat(readBack(file())).as("only the newline is missing").containsEntry(KEY, CURSOR);
            } else {
                assertRefused(file(), length == 0 ? "is empty" : "cut short");
            }
        }
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Files.write(file(), new byte[0]);
        assertRefused(file(), "is empty (0 bytes)");
    }

    @Test
    void zeroFilledBlocksAreRefused() throws Exception {
        Files.write(file(), new byte[4096]);
        assertRefused(file(), "contains NUL bytes");
    }

    @Test
    void binaryGarbageIsRefused() throws Exception {
        byte[] garbage = new byte[512];
        new Random(11).nextBytes(garbage);
        Files.write(file(), garbage);
        assertRefused(file(), "is not UTF-8 text");
    }

    @Test
    void textThatIsNotACursorFileIsRefused() throws Exception {
        Files.writeString(file(), "<html>maintenance</html>\n");
        assertRefused(file(), "has no '=' in line 1");
    }

    @Test
    void aDocumentWithDataAfterItIsRefused() throws Exception {
        byte[] whole = FileCursorFormat.write(Map.of(KEY, CURSOR));
        Files.write(file(), whole);
        Files.writeString(file(), "{\"more\":1}\n", StandardOpenOption.APPEND);
        assertRefused(file(), "not a complete cursor document");
    }

    @Test
    void aDocumentOfANewerVersionIsRefused() throws Exception {
        Files.writeString(file(), "{\"format\":\"camel-activecampaign-cursors\",\"version\":2,\"states\":{}}\n");
        assertRefused(file(), "newer version of the component (format version 2");
    }

    @Test
    void aStateThatIsNotTextIsRefused() throws Exception {
        Files.writeString(file(), "{\"format\":\"camel-activecampaign-cursors\",\"version\":1,\"states\":{\"a\":1}}");
        assertRefused(file(), "not text (key 'a')");
    }

    @Test
    void aRefusedFileStaysRefusedAndUntouched() throws Exception {
        byte[] torn = (KEY + "=").getBytes(StandardCharsets.UTF_8);
        Files.write(file(), torn);
        FileCursorStateRepository repository = new FileCursorStateRepository(file());
        assertThatThrownBy(repository::start).isNotNull();
        // a later call does not mistake the failed start for an empty store
        assertThatThrownBy(() -> repository.getState(KEY)).hasMessageContaining("delete it");
        assertThatThrownBy(() -> repository.setState(KEY, CURSOR)).hasMessageContaining("delete it");
        assertThat(Files.readAllBytes(file())).isEqualTo(torn);
    }

    // ---- files of Camel's FileStateRepository (earlier versions)

    @Test
    void anIntactLegacyAppendLogIsReadLastLineWinning() throws Exception {
        Files.writeString(file(), KEY + "=" + "{\"old\":1}\n" + "b=x=y\n" + KEY + "=" + CURSOR + "\n" + "c=\n");
        assertThat(readBack(file())).containsOnly(Map.entry(KEY, CURSOR), Map.entry("b", "x=y"), Map.entry("c", ""));
    }

    @Test
    void filesWrittenByCamelsFileStateRepositoryAreReadBothAppendedAndRewritten() throws Exception {
        FileStateRepository camel = FileStateRepository.fileStateRepository(file().toFile());
        camel.start();
        camel.setState("a", "1");
        camel.setState(KEY, CURSOR);
        camel.setState("a", "2");
        // not stopped: the append log as a killed earlier version leaves it
        assertThat(readBack(file())).containsOnly(Map.entry("a", "2"), Map.entry(KEY, CURSOR));

        camel.stop(); // rewrites the file from its cache
        assertThat(readBack(file())).containsOnly(Map.entry("a", "2"), Map.entry(KEY, CURSOR));
    }

    @Test
    void theEmptyFileCamelsRepositoryLeavesWhenItNeverStoredAStateIsRefusedNamingBothCauses() {
        FileStateRepository camel = FileStateRepository.fileStateRepository(file().toFile());
        camel.start();
        camel.stop();
        assertThat(file()).isEmptyFile();
        // the same bytes as a kill during its rewrite: the user decides, the consumer does not guess
        assertRefused(file(), "an earlier version leaves it so when it never stored a cursor, and also when it was "
                              + "killed while rewriting the file");
    }

    @Test
    void theFirstUpdateRewritesALegacyFileInTheNewFormatKeepingItsOtherStates() throws Exception {
        Files.writeString(file(), "a=1\nb=2\n");
        FileCursorStateRepository repository = started(file());
        repository.setState("a", "3");
        repository.stop();

        assertThat(Files.readString(file())).startsWith(FileCursorFormat.HEADER);
        assertThat(readBack(file())).containsOnly(Map.entry("a", "3"), Map.entry("b", "2"));
    }

    @ParameterizedTest(name = "legacy file ending {0}")
    @ValueSource(strings = { "after the key", "after the equals sign", "in the middle of the value",
                             "after a complete line and a key" })
    void aTornLegacyFileIsRefused(String ending) throws Exception {
        String content = switch (ending) {
            case "after the key" -> KEY;
            case "after the equals sign" -> KEY + "=";
            case "in the middle of the value" -> KEY + "=" + CURSOR.substring(0, 20);
            default -> "a=1\n" + KEY;
        };
        Files.writeString(file(), content);
        assertRefused(file(), "ends inside line " + (content.startsWith("a=1") ? 2 : 1));
    }

    @Test
    void cuttingALegacyAppendLogAnywhereGivesAnEarlierValueOrAnError() throws Exception {
        String log = KEY + "=first\n" + KEY + "=second\n";
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        for (int length = 1; length <= bytes.length; length++) {
            Files.write(file(), Arrays.copyOf(bytes, length));
            String kept = log.substring(0, length);
            if (kept.endsWith("\n")) {
                // a cut between two appends is the file as it was before the second: its value is right
                assertThat(readBack(file())).containsExactly(
                        Map.entry(KEY, kept.equals(log) ? "second" : "first"));
            } else {
                assertRefused(file(), "ends inside line");
            }
        }
    }

    @Test
    void theErrorDoesNotIncludeTheFilesContent() throws Exception {
        File file = file().toFile();
        Files.writeString(file.toPath(), "a=1\n" + KEY + "=secret-looking-value");
        assertThatThrownBy(() -> started(file.toPath()))
                .satisfies(e -> assertThat(e).hasStackTraceContaining(file.getAbsolutePath()))
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("secret-looking-value"));
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
