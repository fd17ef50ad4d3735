// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ListBoxModel). Compile-only stub.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

/** The options of a {@code <select>}, answered by {@code doFillXxxItems}. Real supertypes include HttpResponse. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    private static final long serialVersionUID = 1L;

    public ListBoxModel() {}

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("stub");
    }

    /** One option: the text shown and the value submitted. */
    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException("stub");
        }
    }
}
