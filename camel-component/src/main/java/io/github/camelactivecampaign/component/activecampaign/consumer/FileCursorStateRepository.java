// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateRepository} in one file that a crash, a kill or a power loss cannot tear.
 * <p>
 * Every update writes all states to a temporary file beside the target, forces it to disk, renames it atomically
 * over the target and forces the directory, so the target always holds either the states before the update or
 * those after it. The content is a JSON document (see {@link FileCursorFormat}) that is invalid when cut short, so a
 * file damaged some other way (a copy, a file system that lost data) is recognised too. Such a file stops the start
 * with an error naming it and the fix: consumers never start over from {@code startFrom} without being told to.
 * <p>
 * Files of Camel's {@code FileStateRepository} ({@code key=value} lines, written by earlier versions) are read;
 * the first update rewrites them in the new format.
 */
@ManagedResource(description = "Crash-safe file based state repository of ActiveCampaign consumer cursors")
public class FileCursorStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(FileCursorStateRepository.class);

    private final Path file;
    private final Path temporary;
    private final Object lock = new Object();
    private final Map<String, String> states = new TreeMap<>();
    private boolean loaded;
    private boolean atomicMoveUnsupported;

    public FileCursorStateRepository(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    public Path getFile() {
        return file;
    }

    @ManagedAttribute(description = "The file path for the store")
    public String getFilePath() {
        return file.toString();
    }

    @Override
    public String getState(String key) {
        synchronized (lock) {
            ensureLoaded();
            return states.get(key);
        }
    }

    /**
     * Stores the value and returns once it is on disk. When the file cannot be written the previous value stays,
     * in the file and here, and the failure is thrown.
     */
    @Override
    public void setState(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        // refused before writing: a file holding such text could not be read back at the next start
        FileCursorFormat.requireUnicode("key", key);
        FileCursorFormat.requireUnicode("value of " + key, value);
        synchronized (lock) {
            ensureLoaded();
            if (value.equals(states.get(key))) {
                return;
            }
            Map<String, String> next = new TreeMap<>(states);
            next.put(key, value);
            save(next);
            states.put(key, value);
        }
    }

    @Override
    protected void doStart() throws Exception {
        synchronized (lock) {
            // read again at every start: the file is the truth, and a damaged one must stop this start
            loaded = false;
            ensureLoaded();
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (lock) {
            // nothing to flush: every update is on disk when setState returns
            states.clear();
            loaded = false;
        }
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        removeLeftoverTemporary();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            LOG.debug("No cursor file {} yet: consumers start from their startFrom", file);
            states.clear();
            loaded = true;
            return;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the cursor file " + file + " (" + e + "); make it readable, "
                                            + "or delete it to start again from startFrom", e);
        }
        try {
            Map<String, String> read = FileCursorFormat.read(content);
            states.clear();
            states.putAll(read);
        } catch (FileCursorFormat.UnreadableException e) {
            throw new IllegalStateException("The cursor file " + file + " " + e.getMessage() + ". Consumers do not "
                                            + "guess where they were: restore the file from a backup, or delete it "
                                            + "to start again from startFrom");
        }
        loaded = true;
        LOG.debug("Read {} cursor(s) from {}", states.size(), file);
    }

    /** A temporary file is only ever an update that did not complete: the target still has the states before it. */
    private void removeLeftoverTemporary() {
        try {
            if (Files.deleteIfExists(temporary)) {
                LOG.info("Removed {}, left by an update interrupted before it completed; {} is intact", temporary,
                        file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot remove {} left by an interrupted update ({}); the next update will try to replace it",
                    temporary, e.toString());
        }
    }

    private void save(Map<String, String> next) {
        byte[] content = FileCursorFormat.write(next);
        Path directory = file.getParent();
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            replaceTarget();
        } catch (IOException e) {
            throw new RuntimeCamelException("Cannot save the cursor file " + file + " (" + e + "); it still holds "
                                            + "the previous cursor", e);
        }
        forceDirectory(directory);
    }

    private void replaceTarget() throws IOException {
        if (!atomicMoveUnsupported) {
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                // a torn file is still recognised when read, so carry on rather than stop every consumer
                atomicMoveUnsupported = true;
                LOG.warn("The file system of {} cannot rename atomically; a crash while it is replaced is detected "
                         + "at the next start, not prevented", file);
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes the rename itself durable; some platforms (Windows) cannot open a directory, and do not need to. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.trace("Cannot force directory {} to disk: {}", directory, e.toString());
        }
    }

    @Override
    public String toString() {
        return "FileCursorStateRepository[" + file + "]";
    }
}
