package io.jenkins.plugins.locust.jenkins.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.run.RunFiles;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads the locustfile (or the folder with its helper modules and data) from the workspace, on whichever node holds
 * it, so that the controller can launch the run on Kubernetes. Refuses a missing script and more than
 * {@value #MAX_BYTES} bytes before copying anything; the ConfigMap limit (1 MiB) is checked later by core.
 */
final class WorkspaceScript extends MasterToSlaveFileCallable<WorkspaceScript.Copy> {
    private static final long serialVersionUID = 1L;
    static final long MAX_BYTES = 8L * 1024 * 1024;
    static final int MAX_FILES = 2000;

    private final String script;

    WorkspaceScript(String script) {
        this.script = script;
    }

    /** The script's files by path relative to the workspace (a folder's files under the folder's path). */
    public static final class Copy implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, byte[]> contents = new LinkedHashMap<>();

        /** Writes the files under {@code folder}, at the same relative paths. */
        void writeTo(Path folder) throws IOException {
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                Path target = folder.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder)) {
                    throw new AbortException(Messages.WorkspaceScript_OutsideFolder(file.getKey(), folder));
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }

        int count() {
            return contents.size();
        }
    }

    @Override
    public Copy invoke(File workspace, VirtualChannel channel) throws IOException {
        Path root = workspace.toPath().toAbsolutePath().normalize();
        Path path = root.resolve(script).normalize();
        if (script.isBlank() || !path.startsWith(root)) {
            throw new AbortException(Messages.WorkspaceScript_NotInWorkspace(script, root));
        }
        if (!Files.exists(path)) {
            throw new AbortException(Messages.WorkspaceScript_Missing(script, path, root));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !RunFiles.skipped(path.relativize(file)))
                    .limit(MAX_FILES + 1L)
                    .toList();
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        if (files.size() > MAX_FILES || total > MAX_BYTES) {
            // numbers as text: MessageFormat would group their digits by the locale
            String count = String.valueOf(Math.min(files.size(), MAX_FILES));
            String mebibytes = String.format(Locale.ROOT, "%.1f", total / (1024.0 * 1024.0));
            String maxFiles = String.valueOf(MAX_FILES);
            String maxMebibytes = String.valueOf(MAX_BYTES / (1024 * 1024));
            throw new AbortException(
                    files.size() > MAX_FILES
                            ? Messages.WorkspaceScript_TooManyFiles(script, count, mebibytes, maxFiles, maxMebibytes)
                            : Messages.WorkspaceScript_TooLarge(script, count, mebibytes, maxFiles, maxMebibytes));
        }
        Copy result = new Copy();
        for (Path file : files) {
            result.contents.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
        return result;
    }
}
