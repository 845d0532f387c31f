# Runs a Cohort Lint profile query on a local Spark session (pyspark) and prints its result
# as JSON lines, as a Databricks or UK Biobank RAP user would export it.
# Usage: python3 test/spark/profile_query.py DATA.csv QUERY.sql  (the query reads table `cohort`)
import json
import sys

from pyspark.sql import SparkSession

data, query = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.master("local[1]").appName("cohort-lint-profile").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
# Every column as text, empty cells as empty strings (the profile reads cells as text).
frame = spark.read.option("header", True).option("inferSchema", False).option("multiLine", True).option("escape", '"').csv(data)
frame.createOrReplaceTempView("cohort")
with open(query, encoding="utf-8") as f:
    sql = f.read().strip().rstrip(";")
for row in spark.sql(sql).collect():
    print(json.dumps(row.asDict()))
spark.stop()
