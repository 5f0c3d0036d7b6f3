package org.mpjhpc.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bytes for a tree of records, enums, strings, boxed primitives, lists, sets, maps and
 * arrays: how a validated job travels to the ranks. Java serialization did the same, but
 * its first use in each of the multicore device's class loaders cost 30-40 ms (it builds
 * method handles for every record class); this walks the records with plain reflection.
 * Anything else that is {@link Serializable} is carried as a serialized blob.
 */
public final class RecordCodec {
    private enum Tag { NULL, STRING, INT, LONG, DOUBLE, BOOLEAN, BYTE, SHORT, CHAR, FLOAT, ENUM, RECORD, LIST, SET, MAP,
        ARRAY, SERIALIZED }

    private RecordCodec() {
    }

    /** The bytes of {@code value}. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The value {@code bytes} encode, its classes resolved in {@code loader} (each rank of the
     * multicore device has its own).
     *
     * @throws IllegalStateException when the bytes are damaged or name a class {@code loader} lacks
     */
    public static Object decode(byte[] bytes, ClassLoader loader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            Object value = read(in, loader);
            if (in.read() != -1) {
                throw new IOException("bytes left after the value");
            }
            return value;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot decode the job: " + e, e);
        }
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            tag(out, Tag.NULL);
        } else if (v instanceof String s) {
            tag(out, Tag.STRING);
            string(out, s);
        } else if (v instanceof Integer i) {
            tag(out, Tag.INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            tag(out, Tag.LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            tag(out, Tag.DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            tag(out, Tag.BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof Byte b) {
            tag(out, Tag.BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            tag(out, Tag.SHORT);
            out.writeShort(s);
        } else if (v instanceof Character c) {
            tag(out, Tag.CHAR);
            out.writeChar(c);
        } else if (v instanceof Float f) {
            tag(out, Tag.FLOAT);
            out.writeFloat(f);
        } else {
            writeCompound(out, v);
        }
    }

    private static void writeCompound(DataOutputStream out, Object v) throws IOException {
        if (v instanceof Enum<?> e) {
            tag(out, Tag.ENUM);
            string(out, e.getDeclaringClass().getName());
            string(out, e.name());
        } else if (v instanceof Record r) {
            tag(out, Tag.RECORD);
            string(out, r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                write(out, component(c, r));
            }
        } else if (v instanceof List<?> l) {
            tag(out, Tag.LIST);
            items(out, l);
        } else if (v instanceof Set<?> s) {
            tag(out, Tag.SET);
            items(out, s);
        } else if (v instanceof Map<?, ?> m) {
            tag(out, Tag.MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (v.getClass().isArray()) {
            tag(out, Tag.ARRAY);
            string(out, v.getClass().getComponentType().getName());
            out.writeInt(Array.getLength(v));
            for (int i = 0; i < Array.getLength(v); i++) {
                write(out, Array.get(v, i));
            }
        } else if (v instanceof Serializable) {
            tag(out, Tag.SERIALIZED);
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(blob)) {
                o.writeObject(v);
            }
            out.writeInt(blob.size());
            blob.writeTo(out);
        } else {
            throw new IllegalArgumentException("cannot encode a " + v.getClass().getName());
        }
    }

    private static void items(DataOutputStream out, java.util.Collection<?> items) throws IOException {
        out.writeInt(items.size());
        for (Object item : items) {
            write(out, item);
        }
    }

    private static Object read(DataInputStream in, ClassLoader loader) throws IOException, ReflectiveOperationException {
        Tag tag = Tag.values()[in.readUnsignedByte()];
        return switch (tag) {
            case NULL -> null;
            case STRING -> string(in);
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case CHAR -> in.readChar();
            case FLOAT -> in.readFloat();
            case ENUM -> constant(Class.forName(string(in), true, loader), string(in));
            case RECORD -> record(in, Class.forName(string(in), true, loader), loader);
            case LIST -> list(items(in, loader, new ArrayList<>()));
            case SET -> set(items(in, loader, new LinkedHashSet<>()));
            case MAP -> map(in, loader);
            case ARRAY -> array(in, loader);
            case SERIALIZED -> serialized(in, loader);
        };
    }

    /**
     * The kind of list the config readers make ({@code List.copyOf}): a hot loop that reads
     * the job's lists then sees one list class, as it did with the job read from the file.
     */
    private static List<Object> list(List<Object> items) {
        return items.contains(null) ? Collections.unmodifiableList(items) : List.copyOf(items);
    }

    private static Set<Object> set(Set<Object> items) {
        return items.contains(null) ? Collections.unmodifiableSet(items) : Set.copyOf(items);
    }

    private static Object record(DataInputStream in, Class<?> type, ClassLoader loader)
            throws IOException, ReflectiveOperationException {
        RecordComponent[] parts = type.getRecordComponents();
        if (parts == null) {
            throw new IOException(type.getName() + " is not a record");
        }
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = read(in, loader);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true); // the job's records may be package-private
        return canonical.newInstance(values);
    }

    private static Object constant(Class<?> type, String name) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException(type.getName() + " has no constant " + name);
    }

    private static <C extends java.util.Collection<Object>> C items(DataInputStream in, ClassLoader loader, C into)
            throws IOException, ReflectiveOperationException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            into.add(read(in, loader));
        }
        return into;
    }

    private static Map<Object, Object> map(DataInputStream in, ClassLoader loader)
            throws IOException, ReflectiveOperationException {
        int n = in.readInt();
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(read(in, loader), read(in, loader));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Object array(DataInputStream in, ClassLoader loader) throws IOException, ReflectiveOperationException {
        Class<?> component = elementType(string(in), loader);
        int n = in.readInt();
        Object a = Array.newInstance(component, n);
        for (int i = 0; i < n; i++) {
            Array.set(a, i, read(in, loader));
        }
        return a;
    }

    private static Class<?> elementType(String name, ClassLoader loader) throws ClassNotFoundException {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            case "boolean" -> boolean.class;
            case "byte" -> byte.class;
            case "short" -> short.class;
            case "char" -> char.class;
            case "float" -> float.class;
            default -> Class.forName(name, true, loader);
        };
    }

    private static Object serialized(DataInputStream in, ClassLoader loader) throws IOException, ClassNotFoundException {
        byte[] blob = in.readNBytes(in.readInt());
        try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(blob)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, loader);
            }
        }) {
            return o.readObject();
        }
    }

    private static Object component(RecordComponent c, Record r) {
        try {
            java.lang.reflect.Method get = c.getAccessor();
            get.setAccessible(true);
            return get.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }

    private static void tag(DataOutputStream out, Tag tag) throws IOException {
        out.writeByte(tag.ordinal());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
    }
}
