// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ExtensionList). Compile-only stub.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;

/** The registered extensions of one type. Real supertypes also include OnMaster (left out). */
public class ExtensionList<T> extends AbstractList<T> {
    protected ExtensionList() {}

    /** The one registered instance of {@code type}; {@code IllegalStateException} unless there is exactly one. */
    @NonNull
    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stub");
    }
}
