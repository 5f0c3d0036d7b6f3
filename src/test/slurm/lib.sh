# Shared by one-node and two-nodes: munge, and stopping a daemon by its pid file.
# Sourced; expects $DIR (the cluster's folder) and die().

start_munge() {
    if pgrep -x munged >/dev/null; then return; fi
    [ -f /etc/munge/munge.key ] || runuser -u munge -- mungekey -c
    mkdir -p /run/munge && chown munge:munge /run/munge
    runuser -u munge -- munged
    touch "$DIR/munged.started"
    local i
    for i in $(seq 1 50); do
        [ -S /run/munge/munge.socket.2 ] && return 0
        sleep 0.1
    done
    die "munged did not open its socket in 5 s"
}

stop_munge() {
    if [ -f "$DIR/munged.started" ]; then
        pkill -x munged || true
        rm -f "$DIR/munged.started"
        local i
        for i in $(seq 1 50); do # gone before the next cluster looks for one
            pgrep -x munged >/dev/null || return 0
            sleep 0.1
        done
        pkill -9 -x munged || true
    fi
}

stop_pid() { # stop_pid FILE: TERM the process, wait for it to go
    [ -f "$1" ] || return 0
    local pid i
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || { rm -f "$1"; return 0; }
    for i in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$1"
}

need_slurm() {
    command -v slurmctld >/dev/null && command -v munged >/dev/null \
        || die "needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge)"
}

# The settings every test cluster shares: root daemons, munge, no accounting, no cgroups.
common_conf() {
    cat <<CONF
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
StateSaveLocation=$DIR/state
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
CONF
}
