package org.mpjhpc.data.mapreduce;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How one partition's reduce task went.
 *
 * @param partition the partition, which names its part file
 * @param worker    the worker that reduced it
 * @param ok        its part file is written
 * @param attempts  runs it took (or had, when it failed)
 * @param keys      lines written (keys whose output was not null)
 * @param pairsRead pairs the reduce task read from the shuffled bytes
 * @param received  pairs the shuffle delivered, as the map tasks counted them
 * @param errors    the failed attempts' errors
 * @param top       the partition's largest numeric outputs
 */
record PartitionResult(int partition, int worker, boolean ok, int attempts, long keys, long pairsRead, long received,
        List<String> errors, List<TopK.Entry> top) {

    void write(DataOutputStream out) throws IOException {
        out.writeInt(partition);
        out.writeInt(worker);
        out.writeBoolean(ok);
        out.writeInt(attempts);
        out.writeLong(keys);
        out.writeLong(pairsRead);
        out.writeLong(received);
        out.writeInt(errors.size());
        for (String e : errors) {
            out.writeUTF(e.length() > 2000 ? e.substring(0, 2000) : e);
        }
        out.writeInt(top.size());
        for (TopK.Entry e : top) {
            out.writeUTF(e.key().length() > 2000 ? e.key().substring(0, 2000) : e.key());
            out.writeDouble(e.value());
        }
    }

    static PartitionResult read(DataInputStream in) throws IOException {
        int partition = in.readInt();
        int worker = in.readInt();
        boolean ok = in.readBoolean();
        int attempts = in.readInt();
        long keys = in.readLong();
        long pairsRead = in.readLong();
        long received = in.readLong();
        List<String> errors = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            errors.add(in.readUTF());
        }
        List<TopK.Entry> top = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            top.add(new TopK.Entry(in.readUTF(), in.readDouble()));
        }
        return new PartitionResult(partition, worker, ok, attempts, keys, pairsRead, received, errors, top);
    }
}
