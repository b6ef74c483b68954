"""The Kemendagri region hierarchy: lookup by code and name, fuzzy search, navigation.

The country is the root; below it 38 provinces, 514 regencies (kabupaten) and
cities (kota), 7,285 districts (kecamatan) and 83,762 villages (desa,
kelurahan, desa adat), as coded by the Ministry of Home Affairs (Kemendagri).

The tables are CSV files read lazily, one part at a time: ``get`` of a village
reads only its province's village file, a name lookup reads the province,
regency and district tables and touches villages only when no higher region
has the name.  :class:`~pemilu_pks.Region` objects are built on first use and
cached.  Every lazy part is built once, under a lock, so any number of threads
may query at once.

One module per concern, each used by :class:`Regions` (``_collection``):

- ``_codes``: the root, the code pattern, levels;
- ``_tables``: reading, checking and writing the CSV tables, and building
  regions from their rows;
- ``_names``: lookup keys, the prefixes a query may carry, the name index;
- ``_fuzzy``: suggestions for misspelt names;
- ``_navigation``: children, descendants and ancestors.
"""

from ._codes import COUNTRY
from ._collection import Regions
from ._names import describe
from ._tables import Tables, write_tables

__all__ = ["COUNTRY", "Regions", "Tables", "describe", "write_tables"]
