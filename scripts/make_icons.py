# Regenerates public/icons/*.png (run from the repo root): python3 scripts/make_icons.py
# Draws Daftar's icon (an open ledger on teal) as PNGs with the standard library only.
import struct, zlib, sys
def png(path, size, pad):
    teal=(15,118,110); white=(248,250,252); line=(15,118,110)
    rows=[]
    for y in range(size):
        row=bytearray([0])
        for x in range(size):
            u=x/size; v=y/size
            c=teal
            m=pad
            # rounded page block
            if m+0.14<u<1-m-0.14 and m+0.18<v<1-m-0.18:
                c=white
                if abs(u-0.5)<0.012: c=line  # spine
                for k in range(4):
                    ly=m+0.30+k*0.09*(1-2*m)
                    if abs(v-ly)<0.008 and (m+0.20<u<0.46 or 0.54<u<1-m-0.20): c=(94,234,212)
            row+=bytes(c)
        rows.append(bytes(row))
    raw=b''.join(rows)
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    data=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',size,size,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b'')
    open(path,'wb').write(data)
png('public/icons/icon-192.png',192,0.0)
png('public/icons/icon-512.png',512,0.0)
png('public/icons/icon-maskable-512.png',512,0.1)
