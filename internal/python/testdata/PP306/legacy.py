import ftplib
import telnetlib

from pysnmp.hlapi import CommunityData, UsmUserData, usmAesCfb128Protocol, usmHMACSHAAuthProtocol


def upload(host, user, password, path):
    ftp = ftplib.FTP(host, user, password)  # want: PP306
    secure = ftplib.FTP_TLS(host, user, password)  # safe: FTPS
    return ftp, secure, path


def console(host):
    return telnetlib.Telnet(host, 23)  # want: PP306


def snmp_v2():
    return CommunityData("public")  # want: PP306


def snmp_v3():
    return UsmUserData("monitor", authKey="k1" * 8, privKey="k2" * 8,  # safe: authPriv
                       authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol)
