package org.dbcreator.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a backup's files go: the file system, or in tests a disk that fills up or refuses writes.
 */
public interface BackupOutput {

    BackupOutput FILE_SYSTEM = new BackupOutput() {
        @Override
        public Sink create(Path file) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new Sink() {
                @Override
                public void write(byte[] bytes) throws IOException {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }

                @Override
                public void sync() throws IOException {
                    channel.force(true);
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }

        @Override
        public long usableSpace(Path directory) throws IOException {
            return Files.getFileStore(directory).getUsableSpace();
        }
    };

    /** Creates a new file; fails if it exists. */
    Sink create(Path file) throws IOException;

    long usableSpace(Path directory) throws IOException;

    /** An open file: written in order, then synced to the disk before it is closed and renamed. */
    interface Sink extends AutoCloseable {
        void write(byte[] bytes) throws IOException;

        void sync() throws IOException;

        @Override
        void close() throws IOException;
    }
}
