package io.jenkins.plugins.locust.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks the script field (a locustfile or a folder with an entry file) before anything is launched. */
final class ScriptCheck {
    static final String DEFAULT_ENTRY = "locustfile.py";

    /**
     * The checked script and the name of its entry file; both null when the script is unusable.
     *
     * @param shapes the locustfile's own load shape classes (see {@link LocustfileScan.Result#shapes()})
     * @param modules the Python files Locust will load: the entry file and the local modules it imports
     */
    record Checked(Path script, String locustfile, List<String> shapes, List<Path> modules) {
        static Checked unusable() {
            return new Checked(null, null, List.of(), List.of());
        }

        Checked {
            shapes = List.copyOf(shapes);
            modules = List.copyOf(modules);
        }
    }

    private final LoadTestSpecBuilder in;
    private final Findings findings;

    ScriptCheck(LoadTestSpecBuilder in, Findings findings) {
        this.in = in;
        this.findings = findings;
    }

    Checked check() {
        Checked checked = checkPath();
        if (checked.locustfile() != null && checked.locustfile().contains(",")) {
            // Locust splits -f on commas: "a,b.py" would be read as two locustfiles "a" and "b.py"
            findings.error(
                    in.locustfile != null ? "locustfile" : "script",
                    checked.locustfile(),
                    "Locust reads a comma in a locustfile path as a list of files; rename the file without ','");
            return Checked.unusable();
        }
        return checked;
    }

    private Checked checkPath() {
        if (in.script == null || in.script.isBlank()) {
            findings.error("script", "", "name the locustfile (or a folder holding one), e.g. perf/locustfile.py");
            return Checked.unusable();
        }
        Path path = (in.workspace == null ? Path.of(in.script) : in.workspace.resolve(in.script))
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(path)) {
            findings.error(
                    "script",
                    in.script,
                    "there is no file or folder at " + path + "; give a path relative to "
                            + (in.workspace == null ? "the current folder" : "the workspace " + in.workspace));
            return Checked.unusable();
        }
        if (!Files.isReadable(path)) {
            findings.error("script", in.script, "cannot read " + path + "; check its permissions");
            return Checked.unusable();
        }
        if (Files.isDirectory(path)) {
            return folder(path);
        }
        return file(path);
    }

    private Checked file(Path file) {
        String name = file.getFileName().toString();
        boolean ok = true;
        if (!name.endsWith(".py")) {
            findings.error(
                    "script", in.script, "a locustfile is a Python file ending in .py (or a folder holding one)");
            ok = false;
        }
        if (in.locustfile != null && !in.locustfile.equals(name)) {
            findings.error(
                    "locustfile",
                    in.locustfile,
                    "locustfile names the entry file inside a folder script; point script at the folder"
                            + " holding it, or remove locustfile");
            ok = false;
        }
        if (!ok) {
            return Checked.unusable();
        }
        LocustfileScan.Result scan = scan(file, null);
        if (scan != null) {
            warnAboutUnshippedFiles(file);
        }
        return checked(file, name, scan);
    }

    private Checked folder(Path folder) {
        String entry = in.locustfile == null || in.locustfile.isBlank() ? DEFAULT_ENTRY : in.locustfile.trim();
        Path entryPath = folder.resolve(entry).normalize();
        if (Path.of(entry).isAbsolute() || !entryPath.startsWith(folder) || !entry.endsWith(".py")) {
            findings.error(
                    "locustfile",
                    entry,
                    "name a .py file inside the script folder, relative to it, e.g. locustfile.py or shop/main.py");
            return Checked.unusable();
        }
        if (!Files.isRegularFile(entryPath)) {
            findings.error("locustfile", entry, "the folder " + folder + " has no " + entry + "; " + entryHint(folder));
            return Checked.unusable();
        }
        LocustfileScan.Result scan = scan(entryPath, folder);
        warnAboutConfigFiles(folder);
        return checked(folder, folder.relativize(entryPath).toString().replace('\\', '/'), scan);
    }

    private static Checked checked(Path script, String locustfile, LocustfileScan.Result scan) {
        return scan == null
                ? new Checked(script, locustfile, List.of(), List.of())
                : new Checked(script, locustfile, scan.shapes(), scan.modules());
    }

    /** The scan of the entry file and its local imports, or null when it cannot be read (reported). */
    private LocustfileScan.Result scan(Path entry, Path root) {
        try {
            LocustfileScan.Result scan = LocustfileScan.scan(entry, root);
            if (!scan.declaresUserClass()) {
                findings.error(
                        "script",
                        in.script,
                        "no Locust user class found in " + entry.getFileName()
                                + (root == null ? "" : " or the modules it imports")
                                + ": declare one such as 'class ShopUser(HttpUser)' (or FastHttpUser, User)"
                                + " with @task methods");
            }
            return scan;
        } catch (IOException e) {
            findings.error("script", in.script, "cannot read " + entry + " (" + e.getMessage() + ")");
            return null;
        }
    }

    /** A single file ships alone: helper modules and data files next to it stay behind. */
    private void warnAboutUnshippedFiles(Path file) {
        try {
            List<String> siblings = LocustfileScan.siblingImports(file);
            List<String> data = LocustfileScan.siblingDataFiles(file);
            if (siblings.isEmpty() && data.isEmpty()) {
                return;
            }
            String uses = (siblings.isEmpty() ? "" : "imports " + String.join(", ", siblings))
                    + (siblings.isEmpty() || data.isEmpty() ? "" : " and ")
                    + (data.isEmpty() ? "" : "reads " + String.join(", ", data));
            findings.warn(
                    "script",
                    in.script,
                    "it " + uses + " from its folder, but only the file itself is shipped to Locust (which then"
                            + " fails with ModuleNotFoundError or FileNotFoundError); set script to the folder"
                            + " (and locustfile to " + file.getFileName() + ")");
        } catch (IOException e) {
            // Already reported by the scan.
        }
    }

    private void warnAboutConfigFiles(Path folder) {
        Path conf = folder.resolve("locust.conf");
        Path pyproject = folder.resolve("pyproject.toml");
        boolean locustSection;
        try {
            locustSection = Files.isRegularFile(pyproject)
                    && Files.readString(pyproject, StandardCharsets.UTF_8).contains("tool.locust");
        } catch (IOException e) {
            locustSection = false;
        }
        if (Files.isRegularFile(conf) || locustSection) {
            findings.warn(
                    "script",
                    in.script,
                    "the folder holds " + (locustSection ? "pyproject.toml with [tool.locust]" : "locust.conf")
                            + ", which Locust reads from its working folder: its settings may override the"
                            + " fields of this load test; move them into fields or locustArgs");
        }
    }

    private static String entryHint(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> python = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".py"))
                    .sorted()
                    .limit(5)
                    .collect(Collectors.toList());
            return python.isEmpty()
                    ? "the folder holds no .py file; point script at the folder with your locustfile"
                    : "set locustfile to the entry file, one of: " + String.join(", ", python);
        } catch (IOException e) {
            return "set locustfile to the entry file in that folder";
        }
    }
}
