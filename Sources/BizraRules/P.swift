import BizraSpec
