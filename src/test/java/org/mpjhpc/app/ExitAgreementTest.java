package org.mpjhpc.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjhpc.comm.ThreadComm;

class ExitAgreementTest {
    @Test
    void workersThatRanTheirPartEndWithTheMastersFailure() throws Exception {
        // A data job's workers return 0 once their part is sent; only the master checks the result.
        List<Integer> codes = ThreadComm.run(3, comm -> JobRunner.agreeOnExit(comm, comm.rank() == 0 ? 1 : 0));
        assertEquals(List.of(1, 1, 1), codes);
    }

    @Test
    void aWorkersFailureIsNotOverruledByTheMastersSuccess() throws Exception {
        List<Integer> codes = ThreadComm.run(4, comm -> JobRunner.agreeOnExit(comm, comm.rank() == 2 ? 2 : 0));
        assertEquals(List.of(2, 2, 2, 2), codes);
    }

    @Test
    void theWorstCodeWins() throws Exception {
        List<Integer> codes = ThreadComm.run(3, comm -> JobRunner.agreeOnExit(comm, comm.rank()));
        assertEquals(List.of(2, 2, 2), codes);
        assertEquals(List.of(0, 0), ThreadComm.run(2, comm -> JobRunner.agreeOnExit(comm, 0)));
    }
}
