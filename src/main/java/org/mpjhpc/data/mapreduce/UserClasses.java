package org.mpjhpc.data.mapreduce;

import java.lang.reflect.Modifier;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.UserError;

/** The user's mapper, combiner and reducer classes: checked when the job is read, made per task. */
final class UserClasses {
    private UserClasses() {
    }

    /**
     * The class name under {@code key}, after checking that it loads, implements one of
     * {@code types} and can be made with a public no-argument constructor; null when optional
     * and absent.
     */
    static String check(Section s, String key, boolean required, Class<?>... types) {
        if (!s.has(key) || s.plain(key) == null) {
            if (required) {
                throw s.error(key, "missing: the " + types[0].getSimpleName() + " class to run (a fully qualified name)");
            }
            return null;
        }
        String name = s.string(key);
        try {
            Class<?> c = Class.forName(name, false, UserClasses.class.getClassLoader());
            if (java.util.Arrays.stream(types).noneMatch(t -> t.isAssignableFrom(c))) {
                throw s.error(key, name + " does not implement " + java.util.Arrays.stream(types).map(Class::getName)
                        .collect(java.util.stream.Collectors.joining(" or ")));
            }
            if (Modifier.isAbstract(c.getModifiers())) {
                throw s.error(key, name + " is abstract or an interface; name a class that can be made");
            }
            c.getConstructor();
            if (!Modifier.isPublic(c.getModifiers())) {
                throw s.error(key, name + " is not public");
            }
            return c.getName();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw s.error(key, "class " + name + " is not on the class path (put your jar on MPJRUN_CLASSPATH)");
        } catch (NoSuchMethodException e) {
            throw s.error(key, name + " has no public constructor without arguments");
        } catch (LinkageError e) {
            throw s.error(key, name + " cannot be loaded: " + e);
        }
    }

    /** A new instance of a checked class. */
    static <T> T make(String name, Class<T> type) {
        try {
            return type.cast(Class.forName(name, true, UserClasses.class.getClassLoader()).getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            Throwable why = e instanceof java.lang.reflect.InvocationTargetException i ? i.getCause() : e;
            throw new IllegalStateException("cannot make a " + name + ": " + why, why);
        }
    }
}
