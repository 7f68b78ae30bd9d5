/** File specs shared by the simulated images' lower layers (see buildTree). */
import { executable } from "./executable";

export type FileSpec = Record<string, string | null | { data: string; mode: number }>;

/** Tools every Debian/Ubuntu image has (coreutils, grep, hostname, dash, bash). */
export const GNU_TOOLS = [
  "basename",
  "cat",
  "cp",
  "date",
  "df",
  "dirname",
  "echo",
  "env",
  "false",
  "grep",
  "head",
  "hostname",
  "id",
  "ls",
  "mkdir",
  "mount",
  "mv",
  "printenv",
  "printf",
  "pwd",
  "rm",
  "rmdir",
  "seq",
  "sleep",
  "sort",
  "tail",
  "tee",
  "test",
  "[",
  "touch",
  "true",
  "uname",
  "wc",
  "whoami",
] as const;

/** Applets of the simulated busybox binary. */
export const BUSYBOX_APPLETS = [...GNU_TOOLS, "ash", "ip", "kill", "nslookup", "sh", "wget"] as const;

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const DEBIAN_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
www-data:x:33:
backup:x:34:
staff:x:50:
users:x:100:
nogroup:x:65534:
`;

export const DEBIAN_12_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const UBUNTU_24_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

export const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

const ROOT_DIRS = [
  "/dev",
  "/proc",
  "/sys",
  "/run",
  "/tmp",
  "/root",
  "/home",
  "/mnt",
  "/opt",
  "/srv",
  "/media",
  "/var/tmp",
];

function dirs(list: readonly string[]): FileSpec {
  return Object.fromEntries(list.map((d) => [d, null]));
}

/** A Debian (or Ubuntu) root: merged /usr, GNU tools in /usr/bin and /bin, dash as /bin/sh. */
export function debianBase(osRelease: string, extraPasswd = "", extraGroup = ""): FileSpec {
  const spec: FileSpec = {
    ...dirs([
      ...ROOT_DIRS,
      "/boot",
      "/etc",
      "/lib",
      "/lib64",
      "/sbin",
      "/usr/sbin",
      "/usr/local/bin",
      "/usr/local/sbin",
    ]),
    "/etc/os-release": osRelease,
    "/etc/passwd": DEBIAN_PASSWD + extraPasswd,
    "/etc/group": DEBIAN_GROUP + extraGroup,
    "/etc/shells":
      "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n",
    "/root/.bashrc": "# ~/.bashrc: executed by bash(1) for non-login shells.\n",
    "/root/.profile": "# ~/.profile: executed by Bourne-compatible login shells.\n",
  };
  if (osRelease.includes("ID=debian")) spec["/etc/debian_version"] = "12.8\n";
  for (const dir of ["/bin", "/usr/bin"]) {
    for (const tool of GNU_TOOLS) spec[`${dir}/${tool}`] = executable(`gnu:${tool}`);
    spec[`${dir}/sh`] = executable("dash");
    spec[`${dir}/dash`] = executable("dash");
    spec[`${dir}/bash`] = executable("bash");
  }
  return spec;
}

/** The busybox image's root: every applet in /bin, no /etc/os-release. */
export function busyboxBase(): FileSpec {
  const spec: FileSpec = {
    ...dirs([...ROOT_DIRS, "/etc", "/usr/sbin", "/var/spool/mail", "/var/www"]),
    "/etc/passwd":
      "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n",
    "/etc/group":
      "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n",
    "/bin/busybox": executable("busybox"),
  };
  for (const applet of BUSYBOX_APPLETS) spec[`/bin/${applet}`] = executable("busybox");
  return spec;
}

/** Alpine's root: busybox applets spread over /bin, /sbin, /usr/bin as apk installs them. */
export function alpineBase(): FileSpec {
  const spec: FileSpec = {
    ...dirs([
      ...ROOT_DIRS,
      "/etc/apk",
      "/lib/apk",
      "/usr/lib",
      "/usr/local/bin",
      "/usr/share",
      "/var/cache",
      "/var/log",
    ]),
    "/etc/os-release": ALPINE_OS_RELEASE,
    "/etc/alpine-release": "3.20.3\n",
    "/etc/passwd":
      "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\npostmaster:x:14:12:postmaster:/var/mail:/sbin/nologin\nftp:x:21:21::/var/lib/ftp:/sbin/nologin\nsshd:x:22:22:sshd:/dev/null:/sbin/nologin\nat:x:25:25:at:/var/spool/cron/atjobs:/sbin/nologin\nsquid:x:31:31:Squid:/var/cache/squid:/sbin/nologin\nxfs:x:33:33:X Font Server:/etc/X11/fs:/sbin/nologin\ngames:x:35:35:games:/usr/games:/sbin/nologin\ncyrus:x:85:12::/usr/cyrus:/sbin/nologin\nvpopmail:x:89:89::/var/vpopmail:/sbin/nologin\nntp:x:123:123:NTP:/var/empty:/sbin/nologin\nsmmsp:x:209:209:smmsp:/var/spool/mqueue:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n",
    "/etc/group":
      "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin\nadm:x:4:root,daemon\ntty:x:5:\ndisk:x:6:root\nlp:x:7:lp\nkmem:x:9:\nwheel:x:10:root\nfloppy:x:11:root\nmail:x:12:mail\nnews:x:13:news\nuucp:x:14:uucp\ncron:x:16:cron\naudio:x:18:\ncdrom:x:19:\ndialout:x:20:root\nftp:x:21:\nsshd:x:22:\ninput:x:23:\ntape:x:26:root\nvideo:x:27:root\nnetdev:x:28:\nkvm:x:34:kvm\ngames:x:35:\nshadow:x:42:\nwww-data:x:82:\nusers:x:100:games\nntp:x:123:\nabuild:x:300:\nutmp:x:406:\nping:x:999:\nnogroup:x:65533:\nnobody:x:65534:\n",
    "/bin/busybox": executable("busybox"),
  };
  const where: Record<string, string> = {
    ip: "/sbin",
    nslookup: "/usr/bin",
    wget: "/usr/bin",
    seq: "/usr/bin",
  };
  const usrBin = new Set([
    "basename",
    "dirname",
    "env",
    "head",
    "id",
    "printf",
    "tail",
    "tee",
    "test",
    "[",
    "wc",
    "whoami",
    "sort",
    "uname",
  ]);
  for (const applet of BUSYBOX_APPLETS) {
    const dir = where[applet] ?? (usrBin.has(applet) ? "/usr/bin" : "/bin");
    if (applet === "uname") spec["/bin/uname"] = executable("busybox");
    else spec[`${dir}/${applet}`] = executable("busybox");
  }
  return spec;
}

/** A distroless (gcr.io/distroless/static) root: no shell, no tools. */
export function distrolessBase(): FileSpec {
  return {
    ...dirs([
      "/dev",
      "/proc",
      "/sys",
      "/tmp",
      "/root",
      "/home/nonroot",
      "/var",
      "/usr/share/zoneinfo",
      "/etc/ssl/certs",
    ]),
    "/etc/os-release":
      'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="11"\nVERSION="Debian GNU/Linux 11 (bullseye)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\nSUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"\nBUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"\n',
    "/etc/passwd":
      "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n",
    "/etc/group": "root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n",
  };
}
