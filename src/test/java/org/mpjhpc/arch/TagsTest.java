package org.mpjhpc.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpjhpc.comm.Tag;
import org.mpjhpc.comm.TagRange;

/** Every workload's tags, found on the compiled classes: inside one range each, and no number twice. */
class TagsTest {
    private static List<Class<?>> tagEnums() {
        List<Class<?>> out = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mpjhpc")) {
            if (c.isAssignableTo(Tag.class) && c.isEnum()) {
                out.add(c.reflect());
            }
        }
        return out;
    }

    @Test
    void everyWorkloadNumbersItsTagsInsideOneRangeAndNoNumberIsTaken() {
        List<Class<?>> enums = tagEnums();
        assertEquals(4, enums.size(), "the farm's, the solver's, the data jobs' and the kernels' tag enums: " + enums);
        Map<Integer, Object> seen = new HashMap<>();
        for (Class<?> e : enums) {
            TagRange range = null;
            for (Object constant : e.getEnumConstants()) {
                int code = ((Tag) constant).code();
                assertTrue(code > 0, constant + " is tag 0");
                Object before = seen.put(code, constant);
                assertFalse(before != null, constant + " and " + before + " share tag " + code);
                TagRange mine = rangeOf(code);
                range = range == null ? mine : range;
                assertEquals(range, mine, e.getSimpleName() + "'s tags span two ranges");
            }
        }
    }

    private static TagRange rangeOf(int code) {
        for (TagRange r : TagRange.values()) {
            if (r.index(code) >= 0) {
                return r;
            }
        }
        throw new AssertionError("tag " + code + " is in no range");
    }

    @Test
    void aRangeRefusesATagNumberFromAnother() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TagRange.FARM.of(TagRange.values(), TagRange.FV.code(TagRange.FARM)));
    }
}
