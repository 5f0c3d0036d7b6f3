# cluster.sh: MPJ Express daemons on the hosts of a machines file (sourced by ./mpjrun).
#
#   ./mpjrun boot   -machinesfile F    start a daemon on every host that has none
#   ./mpjrun status -machinesfile F    which hosts answer on the daemon port
#   ./mpjrun halt   -machinesfile F    stop the daemons 'boot' started
#
# A host that is this machine (localhost, its name or address) is handled here; any
# other is reached with $MPJRUN_RSH HOST COMMAND (default: ssh in batch mode), the way
# MPJ's own mpjboot does. The daemon of HOST writes its pid and log under .mpj/daemons/
# of this install, which is expected at the same path on every host (a shared home or
# the same checkout), as MPJ_HOME is.

RSH_DEFAULT="ssh -o BatchMode=yes -o ConnectTimeout=5"

# Distinct host names of a machines file, in order (blank lines and # comments skipped).
machine_hosts() {
    sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | awk 'NF && !seen[$0]++'
}

# The machines file as MPJ's starter reads it: comments and blank lines dropped.
clean_machines() { # clean_machines FILE OUT
    sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | awk 'NF' >"$2"
}

daemon_port() {
    local port
    port=$(sed -n 's/^mpjexpress\.mpjdaemon\.port\.1=\([0-9]*\).*/\1/p' "$MPJ_RUN_HOME/conf/mpjexpress.conf")
    echo "${port:-40055}"
}

is_local_host() {
    local h=$1
    case "$h" in localhost|127.*|::1) return 0 ;; esac
    [ "$h" = "$(hostname)" ] || [ "$h" = "$(hostname -s 2>/dev/null)" ] \
        || [ "$h" = "$(hostname -f 2>/dev/null)" ] && return 0
    hostname -I 2>/dev/null | tr ' ' '\n' | grep -qx -- "$h"
}

# on_host HOST SCRIPT: runs a shell script on HOST, here or through $MPJRUN_RSH.
on_host() {
    if is_local_host "$1"; then
        sh -c "$2"
    else
        # like ssh: the host name, then one command line for the remote shell
        ${MPJRUN_RSH:-$RSH_DEFAULT} "$1" "$2"
    fi
}

# host_problem HOST PORT: empty when HOST's daemon answers, else what is wrong.
host_problem() {
    local h=$1 port=$2
    getent hosts "$h" >/dev/null || getent ahosts "$h" >/dev/null \
        || { echo "cannot be resolved (check the name in the machines file, DNS or /etc/hosts)"; return; }
    timeout 3 bash -c "exec 3<>/dev/tcp/$h/$port" 2>/dev/null \
        || echo "no MPJ Express daemon answers on port $port"
}

# Before a niodev/hybdev run: every host must resolve and have its daemon up.
check_hosts() {
    local machines=$1 port h problem bad=0
    port=$(daemon_port)
    while read -r h; do
        problem=$(host_problem "$h" "$port")
        if [ -n "$problem" ]; then
            echo "mpjrun: host '$h' (in $machines): $problem" >&2
            bad=1
        fi
    done < <(machine_hosts "$machines")
    [ $bad = 0 ] || die 3 "start the daemons with './mpjrun boot -machinesfile $machines' (see './mpjrun status -machinesfile $machines')"
}

daemon_files() { # daemon_files HOST: the pid and log file of HOST's daemon
    echo "$ROOT/.mpj/daemons/$1.pid" "$ROOT/.mpj/daemons/$1.log"
}

boot_host() {
    local h=$1 port=$2 pid log script
    read -r pid log < <(daemon_files "$h")
    if [ -z "$(host_problem "$h" "$port")" ]; then
        echo "$h: a daemon already answers on port $port"
        return 0
    fi
    # setsid + nohup: the daemon outlives this shell and the ssh session.
    script="mkdir -p '$ROOT/.mpj/daemons' && cd '$ROOT' || exit 1; MPJ_HOME='$MPJ_RUN_HOME' \
nohup setsid java ${MPJRUN_JVM_OPTS:-} -jar '$MPJ_RUN_HOME/lib/daemon.jar' $port \
>'$log' 2>&1 </dev/null & echo \$! >'$pid'"
    on_host "$h" "$script" || { echo "$h: could not start a daemon there (${MPJRUN_RSH:-ssh} failed)" >&2; return 1; }
    wait_daemon "$h" "$port" up 100 && { echo "$h: daemon started on port $port"; return 0; }
    echo "$h: the daemon did not answer on port $port within 10 s; its log: $log" >&2
    return 1
}

# wait_daemon HOST PORT up|down TENTHS: true once HOST's daemon is up (or down), polling
# every 0.1 s for at most TENTHS tenths of a second.
wait_daemon() {
    local i answers
    for i in $(seq 1 "$4"); do
        answers=down
        [ -z "$(host_problem "$1" "$2")" ] && answers=up
        [ "$answers" = "$3" ] && return 0
        sleep 0.1
    done
    return 1
}

halt_host() {
    local h=$1 port=$2 pid log script
    read -r pid log < <(daemon_files "$h")
    script="[ -f '$pid' ] || exit 4; kill \$(cat '$pid') 2>/dev/null; rm -f '$pid'"
    local code=0
    on_host "$h" "$script" || code=$?
    if [ $code = 4 ]; then
        if [ -z "$(host_problem "$h" "$port")" ]; then
            echo "$h: a daemon answers on port $port but was not started by './mpjrun boot' (no $pid); stop it there" >&2
            return 1
        fi
        echo "$h: no daemon running"
        return 0
    fi
    wait_daemon "$h" "$port" down 50 && { echo "$h: daemon stopped"; return 0; }
    echo "$h: the daemon still answers on port $port after 5 s" >&2
    return 1
}

status_host() {
    local h=$1 port=$2 problem
    problem=$(host_problem "$h" "$port")
    printf '%-24s %s\n' "$h" "${problem:-daemon up on port $port}"
    [ -z "$problem" ]
}

# cluster_main ACTION ARGS...: boot, status or halt over a machines file.
cluster_main() {
    local action=$1; shift
    local machines=""
    while [ $# -gt 0 ]; do
        case "$1" in
            -machinesfile) [ $# -ge 2 ] || die 2 "-machinesfile needs a file"; machines=$2; shift 2 ;;
            *) die 2 "$action: unknown argument '$1' (usage: ./mpjrun $action -machinesfile F)" ;;
        esac
    done
    [ -n "$machines" ] || die 2 "$action needs -machinesfile F (one host name per line)"
    [ -r "$machines" ] || die 2 "machines file '$machines' not found"
    [ -n "$(machine_hosts "$machines")" ] || die 2 "machines file '$machines' lists no host"
    command -v java >/dev/null || die 3 "Java 17 is needed: apt-get install openjdk-17-jdk"
    find_mpj
    build_jar
    prepare_home
    local port h failed=0
    port=$(daemon_port)
    while read -r h; do
        "${action}_host" "$h" "$port" </dev/null || failed=1
    done < <(machine_hosts "$machines")
    [ $failed = 0 ] || exit 3
}
